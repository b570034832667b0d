import { JS_UDF_EVAL_TYPE, encodeJsUdf } from "../exec/js-function/js-udf.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { StorageLevel } from "../plan/storage-level.js";
import { simpleString } from "../types/type-names.js";
import { udf, type ReturnType, type UserDefinedFunction } from "./functions-udf.js";

/** What registration needs of the session: its catalog entry point and context. */
export interface UdfSession {
  readonly engine: { catalogOp(op: string, args: readonly (string | StorageLevel | undefined)[], ctx: ExecContext): unknown };
  execContext(): ExecContext;
}

/**
 * `spark.udf` of the Node API (PySpark's UDFRegistration): `register(name, f, returnType)`
 * makes a JS function callable by name from SQL, `expr` and `selectExpr` in this session,
 * shadowing a built-in of the same name as Spark's temporary functions do.
 */
export class UDFRegistration {
  constructor(private readonly session: UdfSession) {}

  /** Registers `f` (a JS function, or a UDF made by `udf`) as `name`; returns the UDF. */
  register(name: string, f: UserDefinedFunction | ((...args: never[]) => unknown), returnType: ReturnType = "string"): UserDefinedFunction {
    const u = isUdf(f) ? f : udf(f, returnType);
    const func = Buffer.from(encodeJsUdf(u.jsFunction)).toString("base64");
    this.session.engine.catalogOp("registerFunction", [name, func, simpleString(u.returnType), String(JS_UDF_EVAL_TYPE), String(u.deterministic)], this.session.execContext());
    return u;
  }
}

function isUdf(f: unknown): f is UserDefinedFunction {
  return typeof f === "function" && "jsFunction" in f;
}
