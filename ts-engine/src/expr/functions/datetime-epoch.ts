import { expectStorage, numberData, type Vector } from "../../columnar/vector.js";
import { DateType, DoubleType, TimestampType } from "../../types/data-type.js";
import { castVector } from "../eval/cast.js";
import { castOverflow, numericSqlValue } from "../eval/errors.js";
import { compactValidity, dateVector, timestampVector, writableValidity } from "../eval/datetime-vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import { checkArity, doc, implicitCast, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg } from "./datetime-args.js";
import { isNumeric, LongType } from "../../types/data-type.js";

/**
 * Epoch counts to datetimes: timestamp_seconds (any numeric, fractions kept to the
 * microsecond), timestamp_millis / timestamp_micros (integral), date_from_unix_date.
 * Results past the microsecond long range raise ARITHMETIC_OVERFLOW-like CAST_OVERFLOW in ANSI mode.
 */

const LONG_MAX = 9.223372036854776e18;

function epochDef(name: string, perSecond: number, integralOnly: boolean): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(${perSecond === 1 ? "seconds" : perSecond === 1000 ? "milliseconds" : "microseconds"})`, "Creates a timestamp from the number of units since the UTC epoch."),
    resolve(_n, args) {
      checkArity(name, args, 1);
      const a = args[0]!;
      const t = exprType(a);
      const node = scalarCall(name, args, TimestampType, true);
      if (t.kind === "null") return scalarCall(name, [implicitCast(a, LongType)], TimestampType, true);
      if (!isNumeric(t)) throw unexpectedInputType(node, 0, a, integralOnly ? '"INTEGRAL"' : '"NUMERIC"');
      if (integralOnly && (t.kind === "float" || t.kind === "double" || t.kind === "decimal")) throw unexpectedInputType(node, 0, a, '"INTEGRAL"');
      return scalarCall(name, [a], TimestampType, exprNullable(a));
    },
    eval(args, _call, ctx) {
      const v = args[0]!;
      const n = v.length;
      const fractional = v.type.kind === "float" || v.type.kind === "double" || v.type.kind === "decimal";
      const src: Vector = v.type.kind === "decimal" ? castVector(v, DoubleType, ctx) : v;
      const x = numberData(src) ?? Float64Array.from(expectStorage(src, "i64big").data, Number);
      const out = new Float64Array(n);
      const validity = writableValidity(v.validity, n);
      const scale = 1e6 / perSecond;
      for (let i = 0; i < n; i++) {
        if (validity[i] === 0) continue;
        const xi = x[i]!;
        if (fractional && !Number.isFinite(xi)) {
          validity[i] = 0;
          continue;
        }
        const us = fractional ? Math.trunc(xi * scale) : xi * scale;
        if (Math.abs(us) > LONG_MAX) {
          if (ctx.ansi) throw castOverflow(numericSqlValue(xi, v.type), v.type, TimestampType);
          validity[i] = 0;
          continue;
        }
        out[i] = us;
      }
      return timestampVector(TimestampType, out, compactValidity(validity));
    },
  };
}

const DATE_FROM_UNIX_DATE: ScalarFunctionDef = {
  kind: "scalar",
  name: "date_from_unix_date",
  doc: doc("date_from_unix_date(days)", "Creates a date from the number of days since 1970-01-01."),
  resolve(_n, args) {
    checkArity("date_from_unix_date", args, 1);
    return scalarCall("date_from_unix_date", [coerceArg("date_from_unix_date", args, 0, "int", DateType)], DateType, exprNullable(args[0]!));
  },
  eval(args) {
    const v = args[0]!;
    const src = numberData(v)!;
    return dateVector(Int32Array.from(src), v.validity);
  },
};

/** Registry entries for epoch conversions. */
export const DATETIME_EPOCH_FUNCTIONS: readonly ScalarFunctionDef[] = [
  epochDef("timestamp_seconds", 1, false),
  epochDef("timestamp_millis", 1000, true),
  epochDef("timestamp_micros", 1e6, true),
  DATE_FROM_UNIX_DATE,
];
