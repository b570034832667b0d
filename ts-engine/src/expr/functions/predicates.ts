import { AnalysisException } from "../../errors/spark-exception.js";
import { BooleanType, typeEqualsStructurally, type DataType } from "../../types/data-type.js";
import { binaryOperandType, widerTypeOfAll } from "../../types/coercion.js";
import { compare, type CompareOp } from "../kernels/comparison.js";
import { andOr, not } from "../kernels/logic.js";
import { isNull } from "../kernels/null.js";
import { inList } from "../kernels/in.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { checkArity, implicitCast, quotedSql, quotedType, scalarCall, unexpectedInputType, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";

function comparison(op: CompareOp, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: op,
    doc,
    resolve(name, args) {
      checkArity(name, args, 2);
      const [l, r] = args as [Expr, Expr];
      const lt = exprType(l);
      const rt = exprType(r);
      const t = binaryOperandType(lt, rt);
      // structs (and arrays/maps of them) whose fields differ only in name compare field by field, uncast
      if (t === null && typeEqualsStructurally(lt, rt)) return scalarCall(op, [l, r], BooleanType, op === "<=>" ? false : exprNullable(l) || exprNullable(r));
      if (t === null) {
        throw new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
          sqlExpr: quotedSql(scalarCall(op, args, BooleanType, true)),
          left: quotedType(lt),
          right: quotedType(rt),
        });
      }
      const nullable = op === "<=>" ? false : exprNullable(l) || exprNullable(r);
      if (t.kind === "calendar_interval" || t.kind === "variant") {
        // Spark's comparisons need an orderable type; CalendarIntervalType has no order (nor equality).
        throw new AnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", {
          sqlExpr: quotedSql(scalarCall(op, args, BooleanType, true)),
          functionName: `\`${op === "==" ? "=" : op}\``,
          dataType: quotedType(t),
        });
      }
      return scalarCall(op, [implicitCast(l, t), implicitCast(r, t)], BooleanType, nullable);
    },
    eval([a, b]) {
      return compare(op, a!, b!);
    },
  };
}

function logical(op: "and" | "or", doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: op,
    doc,
    resolve(name, args) {
      checkArity(name, args, 2);
      const node = scalarCall(op, args, BooleanType, true);
      const [lt, rt] = args.map(exprType) as [DataType, DataType];
      const bad = [lt, rt].find((t) => t.kind !== "boolean" && t.kind !== "null");
      if (bad !== undefined) {
        // Spark coerces both sides to a common type first and reports that type.
        const common = binaryOperandType(lt, rt) ?? bad;
        throw new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE", {
          sqlExpr: quotedSql(node),
          inputType: '"BOOLEAN"',
          actualDataType: quotedType(common.kind === "boolean" ? bad : common),
        });
      }
      return scalarCall(op, args.map((a) => implicitCast(a, BooleanType)), BooleanType, args.some(exprNullable));
    },
    eval([a, b]) {
      return andOr(op, a!, b!);
    },
  };
}

function booleanArg(name: string, args: readonly Expr[]): Expr {
  checkArity(name, args, 1);
  const a = args[0]!;
  const t = exprType(a);
  if (t.kind !== "boolean" && t.kind !== "null") throw unexpectedInputType(scalarCall(name, args, BooleanType, true), 0, a, '"BOOLEAN"');
  return implicitCast(a, BooleanType);
}

const NOT: ScalarFunctionDef = {
  kind: "scalar",
  name: "not",
  doc: doc("not expr", "Logical not: true for false, false for true, null for null."),
  resolve(name, args) {
    const a = booleanArg(name, args);
    return scalarCall("not", [a], BooleanType, exprNullable(a));
  },
  eval([a]) {
    return not(a!);
  },
};

function nullTest(fn: "isnull" | "isnotnull", doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: fn,
    doc,
    resolve(name, args) {
      checkArity(name, args, 1);
      return scalarCall(fn, args, BooleanType, false);
    },
    eval([a]) {
      return isNull(a!, fn === "isnotnull");
    },
  };
}

function commonTypeOrThrow(call: Expr, args: readonly Expr[]): DataType {
  const types = args.map(exprType);
  let t = widerTypeOfAll(types);
  if (t === null) {
    t = types.reduce<DataType | null>((acc, x) => (acc === null ? null : binaryOperandType(acc, x)), types[0]!);
  }
  if (t === null) {
    throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
      sqlExpr: quotedSql(call),
      functionName: "`in`",
      dataType: `[${types.map(quotedType).join(", ")}]`,
    });
  }
  return t;
}

const IN: ScalarFunctionDef = {
  kind: "scalar",
  name: "in",
  doc: doc("expr in (value1, value2, ...)", "Returns true if `expr` equals any value, null if none does and some value (or expr) is null, else false."),
  resolve(name, args) {
    checkArity(name, args, 1, Infinity);
    // Spark's In: values whose types differ from the value's only in struct field names need no cast
    const x = exprType(args[0]!);
    if (args.every((a) => typeEqualsStructurally(exprType(a), x))) return scalarCall("in", args, BooleanType, args.some(exprNullable));
    const t = commonTypeOrThrow(scalarCall("in", args, BooleanType, true), args);
    return scalarCall("in", args.map((a) => implicitCast(a, t)), BooleanType, args.some(exprNullable));
  },
  eval([x, ...rest]) {
    return inList(x!, rest);
  },
};

const BETWEEN: ScalarFunctionDef = {
  kind: "scalar",
  name: "between",
  doc: doc("expr between lower and upper", "Returns true if `expr` is at least `lower` and at most `upper`."),
  resolve(name, args) {
    checkArity(name, args, 3);
    const t = commonTypeOrThrow(scalarCall("between", args, BooleanType, true), args);
    return scalarCall("between", args.map((a) => implicitCast(a, t)), BooleanType, args.some(exprNullable));
  },
  eval([x, lo, hi]) {
    return andOr("and", compare(">=", x!, lo!), compare("<=", x!, hi!));
  },
};

/** Registry entries for comparisons, `and/or/not`, `isnull/isnotnull`, `in`, `between`. */
export const PREDICATE_FUNCTIONS: readonly ScalarFunctionDef[] = [
  comparison("==", doc("expr1 = expr2", "Returns true if `expr1` equals `expr2`, null if either is null.")),
  comparison("<", doc("expr1 < expr2", "Returns true if `expr1` is less than `expr2`, null if either is null.")),
  comparison("<=", doc("expr1 <= expr2", "Returns true if `expr1` is less than or equal to `expr2`, null if either is null.")),
  comparison(">", doc("expr1 > expr2", "Returns true if `expr1` is greater than `expr2`, null if either is null.")),
  comparison(">=", doc("expr1 >= expr2", "Returns true if `expr1` is greater than or equal to `expr2`, null if either is null.")),
  comparison("<=>", doc("expr1 <=> expr2", "Null-safe equality: as = for non-null operands, true when both are null, false when one is.")),
  logical("and", doc("expr1 and expr2", "Logical and, three-valued: false if either is false, else null if either is null.")),
  logical("or", doc("expr1 or expr2", "Logical or, three-valued: true if either is true, else null if either is null.")),
  NOT,
  nullTest("isnull", doc("isnull(expr)", "Returns true if `expr` is null, false otherwise.")),
  nullTest("isnotnull", doc("isnotnull(expr)", "Returns true if `expr` is not null, false otherwise.")),
  IN,
  BETWEEN,
];
