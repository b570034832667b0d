import { retypeVector } from "../../columnar/vector.js";
import { udtOf, withoutUdt } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import { checkArity, doc, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";

/**
 * `unwrap_udt(col)`: a user-defined type's value as its sqlType (Spark's UnwrapUDT); the
 * engine already holds UDT values in that form, so only the type changes.
 */
const UNWRAP_UDT: ScalarFunctionDef = {
  kind: "scalar",
  name: "unwrap_udt",
  doc: doc("unwrap_udt(col)", "Returns the value of a user-defined type column as its underlying SQL type."),
  resolve(name, args) {
    checkArity(name, args, 1);
    const a = args[0]!;
    const t = exprType(a);
    if (udtOf(t) === undefined) throw unexpectedInputType(scalarCall(name, args, t, true), 0, a, '"USERDEFINEDTYPE"');
    return scalarCall(name, args, withoutUdt(t), exprNullable(a));
  },
  eval([v], call) {
    return retypeVector(v!, call.dataType);
  },
};

/** Registry entries for user-defined types. */
export const UDT_FUNCTIONS: readonly ScalarFunctionDef[] = [UNWRAP_UDT];
