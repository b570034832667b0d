import { assertNever } from "../errors/assert-never.js";
import { mapUdtfCallChildren, udtfCallChildren, type ParsedPlan } from "./parsed-plan.js";

/** The direct inputs of a parsed plan node, left to right (for plan printing and rewrites). */
export function parsedChildren(p: ParsedPlan): readonly ParsedPlan[] {
  switch (p.kind) {
    case "Range":
    case "LocalRelation":
    case "DataSource":
    case "UnresolvedRelation":
    case "Sql":
      return [];
    case "Join":
    case "SetOperation":
      return [p.left, p.right];
    case "Union":
      return p.inputs;
    case "Project":
    case "Filter":
    case "WithColumns":
    case "WithColumnsRenamed":
    case "Drop":
    case "Aggregate":
    case "Sort":
    case "Limit":
    case "Distinct":
    case "SubqueryAlias":
    case "ToDF":
    case "Hint":
    case "WriteFiles":
    case "Unpivot":
    case "Transpose":
    case "NAFill":
    case "NADrop":
    case "NAReplace":
    case "Sample":
    case "StatSummary":
    case "ToSchema":
    case "EventTimeWatermark":
    case "Offset":
    case "Repartition":
    case "RepartitionByExpression":
    case "CollectMetrics":
    case "PythonMapGroups":
      return [p.input];
    case "PythonCoGroup":
      return [p.input, p.other];
    case "PythonUDTF":
      return udtfCallChildren(p);
    case "PredicateSubquery":
    case "ScalarSubqueryJoin":
      return [p.input, p.subquery];
    default:
      return assertNever(p);
  }
}

/** `p` with `f` applied to each direct input; the same reference when no input changed. */
export function mapParsedChildren(p: ParsedPlan, f: (c: ParsedPlan) => ParsedPlan): ParsedPlan {
  switch (p.kind) {
    case "Range":
    case "LocalRelation":
    case "UnresolvedRelation":
    case "Sql":
    case "DataSource":
      return p;
    case "Join":
    case "SetOperation": {
      const left = f(p.left);
      const right = f(p.right);
      return left === p.left && right === p.right ? p : { ...p, left, right };
    }
    case "Union": {
      const inputs = p.inputs.map(f);
      return inputs.every((x, i) => x === p.inputs[i]) ? p : { ...p, inputs };
    }
    case "Project":
    case "Filter":
    case "WithColumns":
    case "WithColumnsRenamed":
    case "Drop":
    case "Aggregate":
    case "Sort":
    case "Limit":
    case "Distinct":
    case "SubqueryAlias":
    case "ToDF":
    case "Hint":
    case "WriteFiles":
    case "Unpivot":
    case "Transpose":
    case "NAFill":
    case "NADrop":
    case "NAReplace":
    case "Sample":
    case "StatSummary":
    case "ToSchema":
    case "EventTimeWatermark":
    case "Offset":
    case "Repartition":
    case "RepartitionByExpression":
    case "CollectMetrics":
    case "PythonMapGroups": {
      const input = f(p.input);
      return input === p.input ? p : { ...p, input };
    }
    case "PythonCoGroup": {
      const input = f(p.input);
      const other = f(p.other);
      return input === p.input && other === p.other ? p : { ...p, input, other };
    }
    case "PythonUDTF":
      return mapUdtfCallChildren(p, f);
    case "PredicateSubquery":
    case "ScalarSubqueryJoin": {
      const input = f(p.input);
      const subquery = f(p.subquery);
      return input === p.input && subquery === p.subquery ? p : { ...p, input, subquery };
    }
    default:
      return assertNever(p);
  }
}
