import { deserialize, serialize } from "node:v8";
import { vectorFromValues } from "../../columnar/builder.js";
import type { Vector } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { EvalUdfsRequest, UdfCall } from "../../python/python-runner.js";
import { compile, userError, type JsFunction } from "./js-function.js";
import { argumentValues, resultValue } from "./js-udf-values.js";

/**
 * The eval type of a Node API UDF (`F.udf((x) => x + 1, "long")`). It rides in the same
 * PythonUDF expression as Python's UDFs (PySpark's PythonEvalType says how a UDF's function
 * is called; this value is tspark's own, outside PySpark's range), so the analyzer, the
 * ExtractPythonUDFs rule and BatchEvalPython treat it as a row-at-a-time UDF, and
 * BatchEvalPythonExec calls it on its own worker thread instead of a Python worker.
 */
export const JS_UDF_EVAL_TYPE = 9100;

/** Whether `call` is a JavaScript UDF. */
export function isJsUdf(call: { readonly evalType: number }): boolean {
  return call.evalType === JS_UDF_EVAL_TYPE;
}

/** The UDF expression's `func` bytes for a JS function (its spec, V8-serialized). */
export function encodeJsUdf(fn: JsFunction): Uint8Array {
  return serialize(fn);
}

function decodeJsUdf(func: Uint8Array): JsFunction {
  const v = deserialize(func) as Partial<JsFunction> | null;
  if (v === null || typeof v.source !== "string" || typeof v.name !== "string" || !Array.isArray(v.captures)) {
    throw new InternalError("a JavaScript UDF's function bytes do not hold a function spec");
  }
  return v as JsFunction;
}

/** Decoded function specs by their bytes' identity (one plan's UDF is decoded once per thread). */
const decoded = new WeakMap<Uint8Array, JsFunction>();

/**
 * Evaluates the JS UDFs of one BatchEvalPython request on this thread: arguments become JS
 * values (js-udf-values.ts), the function is called once per row, and its results become a
 * vector of the return type. An exception reaches the caller as JsFunctionException with
 * the function's stack.
 */
export function evalJsUdfs(req: EvalUdfsRequest): Vector[] {
  return req.udfs.map((u) => evalOne(u, req));
}

function evalOne(u: UdfCall, req: EvalUdfsRequest): Vector {
  let spec = decoded.get(u.func);
  if (spec === undefined) {
    spec = decodeJsUdf(u.func);
    decoded.set(u.func, spec);
  }
  const fn = compile(spec) as (...args: unknown[]) => unknown;
  const args = u.argOffsets.map((o) => {
    const v = req.args[o]!;
    return argumentValues(v, v.type);
  });
  const n = req.numRows;
  const out = new Array<unknown>(n);
  const t = u.returnType;
  try {
    if (args.length === 1) {
      const a = args[0]!;
      for (let i = 0; i < n; i++) out[i] = resultValue(fn(a[i]), t);
    } else if (args.length === 0) {
      for (let i = 0; i < n; i++) out[i] = resultValue(fn(), t);
    } else {
      const row = new Array<unknown>(args.length);
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < args.length; c++) row[c] = args[c]![i];
        out[i] = resultValue(fn(...row), t);
      }
    }
  } catch (e) {
    throw userError(spec.name, e);
  }
  return vectorFromValues(t, out);
}
