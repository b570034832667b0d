import { BooleanType, type DataType } from "../types/data-type.js";
import { assertNever } from "../errors/assert-never.js";
import type { Expr } from "./expr.js";

/** The data type of a resolved expression. */
export function exprType(e: Expr): DataType {
  switch (e.kind) {
    case "Literal":
    case "Cast":
    case "AttributeRef":
    case "ScalarCall":
    case "AggCall":
    case "BoundRef":
      return e.dataType;
    case "Alias":
    case "SortOrder":
      return exprType(e.child);
    case "CaseWhen":
      return e.dataType;
    case "PythonUDF":
      return e.returnType;
    case "NamedLambdaVariable":
      return e.dataType;
    case "LambdaFunction":
      return exprType(e.body);
    case "WindowExpression":
      return e.fn.kind === "PythonUDF" ? e.fn.returnType : e.fn.dataType;
    default:
      return assertNever(e);
  }
}

/** Whether a resolved expression may produce null. */
export function exprNullable(e: Expr): boolean {
  switch (e.kind) {
    case "Literal":
      return e.value === null;
    case "AttributeRef":
    case "ScalarCall":
    case "AggCall":
    case "BoundRef":
      return e.nullable;
    case "Cast":
      // A string cast to a calendar interval is null for malformed text, whatever the ANSI mode.
      return exprNullable(e.child) || e.ansi === false || e.dataType.kind === "calendar_interval";
    case "Alias":
    case "SortOrder":
      return exprNullable(e.child);
    case "CaseWhen":
      return e.elseValue === undefined || e.branches.some(([, v]) => exprNullable(v)) || exprNullable(e.elseValue);
    case "PythonUDF":
      return true;
    case "NamedLambdaVariable":
      return e.nullable;
    case "LambdaFunction":
      return exprNullable(e.body);
    case "WindowExpression":
      return e.fn.kind === "PythonUDF" ? true : e.fn.nullable;
    default:
      return assertNever(e);
  }
}

/** True for a boolean-typed resolved expression. */
export function isBooleanExpr(e: Expr): boolean {
  return exprType(e) === BooleanType || exprType(e).kind === "boolean";
}
