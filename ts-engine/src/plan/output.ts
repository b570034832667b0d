import type { AttributeRef, Expr } from "../expr/expr.js";
import { exprNullable, exprType } from "../expr/expr-type.js";
import { exprPrettySql } from "../expr/expr-string.js";
import { assertNever } from "../errors/assert-never.js";
import { InternalError } from "../errors/spark-exception.js";
import { structField, structType, type StructType } from "../types/data-type.js";
import type { LogicalPlan } from "./logical-plan.js";

/** The attribute a resolved output expression produces (Alias → its exprId; AttributeRef as is). */
export function toAttribute(e: Expr): AttributeRef {
  switch (e.kind) {
    case "AttributeRef":
      return e;
    case "Alias": {
      // Spark's Alias.metadata: the explicit one, else the aliased attribute's
      const metadata = e.metadata ?? (e.child.kind === "AttributeRef" || e.child.kind === "Alias" ? toAttribute(e.child).metadata : undefined);
      const a: AttributeRef = { kind: "AttributeRef", name: e.name, dataType: exprType(e.child), nullable: exprNullable(e.child), exprId: e.exprId };
      return metadata === undefined ? a : { ...a, metadata };
    }
    case "Literal":
    case "Cast":
    case "CaseWhen":
    case "SortOrder":
    case "PythonUDF":
    case "ScalarCall":
    case "AggCall":
    case "BoundRef":
    case "LambdaFunction":
    case "NamedLambdaVariable":
    case "WindowExpression":
      throw new InternalError(`output expression must be named: ${exprPrettySql(e)}`);
    default:
      return assertNever(e);
  }
}

function asNullable(attrs: readonly AttributeRef[]): AttributeRef[] {
  return attrs.map((a) => (a.nullable ? a : { ...a, nullable: true }));
}

/** Output attributes of a resolved plan, in column order. */
export function outputOf(plan: LogicalPlan): readonly AttributeRef[] {
  switch (plan.kind) {
    case "Range":
    case "LocalRelation":
    case "InMemoryRelation":
    case "FileScan":
      return plan.output;
    case "InsertIntoFiles":
      // a write command outputs no rows (Spark's DataWritingCommand.output is empty)
      return [];
    case "Project":
      return plan.exprs.map(toAttribute);
    case "Aggregate":
      return plan.aggs.map(toAttribute);
    case "Filter":
    case "Sort":
    case "Limit":
    case "Offset":
    case "Repartition":
      return outputOf(plan.input);
    case "Join": {
      const l = outputOf(plan.left);
      const r = outputOf(plan.right);
      switch (plan.joinType) {
        case "left_semi":
        case "left_anti":
          return l;
        case "left":
          return [...l, ...asNullable(r)];
        case "right":
          return [...asNullable(l), ...r];
        case "full":
          return [...asNullable(l), ...asNullable(r)];
        case "inner":
        case "cross":
          return [...l, ...r];
        default:
          return assertNever(plan.joinType);
      }
    }
    case "Union": {
      const first = outputOf(plan.inputs[0]!);
      const others = plan.inputs.slice(1).map(outputOf);
      return first.map((a, i) => (others.some((o) => o[i]?.nullable === true) && !a.nullable ? { ...a, nullable: true } : a));
    }
    case "BatchEvalPython":
      return [...outputOf(plan.input), ...plan.resultAttrs];
    case "Generate":
      return [...outputOf(plan.input), ...plan.generatorOutput];
    case "Expand":
      return plan.output;
    case "Sample":
      return outputOf(plan.input);
    case "Window":
      return [...outputOf(plan.input), ...plan.windowExprs.map(toAttribute)];
    case "CollectMetrics":
      return outputOf(plan.input);
    case "PythonMapGroups":
    case "PythonCoGroup":
      return plan.output;
    case "PythonUDTF":
      return [...plan.passThrough, ...plan.output];
    default:
      return assertNever(plan);
  }
}

/** The schema (names, types, nullability) of a resolved plan. */
export function schemaOf(plan: LogicalPlan): StructType {
  return structType(outputOf(plan).map((a) => structField(a.name, a.dataType, a.nullable, a.metadata)));
}
