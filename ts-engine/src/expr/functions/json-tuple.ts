import { Utf8Builder } from "../../columnar/utf8.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { StringType } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import { jsonText, parseJson, type JsonValue } from "../kernels/json-text.js";
import { constantText, textAt } from "./datetime-args.js";
import { checkArity, doc, quotedSql, scalarCall, type GeneratedField, type GeneratorFunctionDef } from "./function-def.js";

/**
 * json_tuple(json, f1, f2, …), Spark's JsonTuple: a generator giving exactly one row per input
 * row, with columns c0, c1 … holding each field's top-level value (strings unquoted, other
 * values as JSON text, the last one when a key repeats); null for a missing field, a JSON null,
 * a null or non-object input, or text that is not JSON.
 */
const JSON_TUPLE: GeneratorFunctionDef = {
  kind: "generator",
  name: "json_tuple",
  doc: doc("json_tuple(jsonStr, p1, p2, ..., pn)", "Returns a row of the values of the top-level fields p1 … pn of the JSON object (columns c0 … cn-1, strings)."),
  outer: false,
  planName: "json_tuple",
  resolve(name, args) {
    checkArity(name, args, 2, Infinity);
    const call = scalarCall("json_tuple", args, StringType, true);
    if (args.some((a) => { const k = exprType(a).kind; return k !== "string" && k !== "null"; })) {
      throw new AnalysisException("DATATYPE_MISMATCH.NON_STRING_TYPE", { sqlExpr: quotedSql(call), funcName: "`json_tuple`" });
    }
    return call;
  },
  outputFields(call): readonly GeneratedField[] {
    return call.args.slice(1).map((_, k) => ({ name: `c${k}`, dataType: StringType, nullable: true }));
  },
  generate(args, _call, numRows) {
    const json = args[0]!;
    const names = args.slice(1);
    const k = names.length;
    const fixed = names.map((v) => constantText(v));
    const builders = names.map(() => new Utf8Builder(numRows, numRows * 8));
    const validity = names.map(() => new Uint8Array(numRows));
    const found: (JsonValue | undefined)[] = new Array<JsonValue | undefined>(k);
    for (let i = 0; i < numRows; i++) {
      found.fill(undefined);
      const text = textAt(json, i);
      const v = text === null ? null : parseJson(text);
      if (v !== null && v.kind === "obj") {
        for (let f = 0; f < k; f++) {
          const want = fixed[f] ?? textAt(names[f]!, i);
          if (want === null) continue;
          // Later duplicates overwrite earlier ones, as Spark's token scan does.
          for (const [key, x] of v.entries) if (key === want) found[f] = x;
        }
      }
      for (let f = 0; f < k; f++) {
        const x = found[f];
        if (x === undefined || x.kind === "null") {
          builders[f]!.commit(0);
          continue;
        }
        validity[f]![i] = 1;
        builders[f]!.appendString(x.kind === "str" ? x.value : jsonText(x));
      }
    }
    const sourceRows = new Int32Array(numRows);
    for (let i = 0; i < numRows; i++) sourceRows[i] = i;
    const columns: Vector[] = builders.map((b, f) => makeVector(StringType, b.finish(), validity[f]!, numRows));
    return { sourceRows, columns };
  },
};

/** Registry entry of json_tuple. */
export const JSON_TUPLE_FUNCTIONS: readonly GeneratorFunctionDef[] = [JSON_TUPLE];
