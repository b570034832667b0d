import type { Vector } from "../../columnar/vector.js";
import { SparkException } from "../../errors/spark-exception.js";
import { StringType, TimestampNTZType, TimestampType } from "../../types/data-type.js";
import { floorDiv } from "../datetime/civil.js";
import { zoneRules, type ZoneRules } from "../datetime/zone-rules.js";
import { andValidityAll, broadcast } from "../eval/vectors.js";
import { compactValidity, microsOf, timestampVector, writableValidity } from "../eval/datetime-vectors.js";
import type { Expr } from "../expr.js";
import { checkArity, doc, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg, constantText, textAt } from "./datetime-args.js";

/**
 * Time-zone conversions: from_utc_timestamp / to_utc_timestamp (shift an instant by a zone's
 * offset, Spark's convertTz), convert_timezone between two zones' wall clocks, and
 * current_timezone. Zone ids are read as Spark's getZoneId reads them (region ids, offsets,
 * SHORT_IDS); an unknown id raises INVALID_TIMEZONE.
 */

/** A zone-id argument, coerced to a string. */
export function zoneArg(fn: string, args: readonly Expr[], index: number): Expr {
  return coerceArg(fn, args, index, "string", TimestampType);
}

/** The rules of a zone id, or INVALID_TIMEZONE as Spark raises for one Java rejects. */
export function zoneOrThrow(id: string): ZoneRules {
  const z = zoneRules(id);
  if (z === null) throw new SparkException("DateTimeException", "INVALID_TIMEZONE", { timeZone: id });
  return z;
}

/** Per-row zones from a literal or a column, looked up once per distinct id. */
function zoneAt(v: Vector, i: number, fixed: ZoneRules | null): ZoneRules {
  return fixed ?? zoneOrThrow(textAt(v, i)!);
}

function fixedZone(v: Vector): ZoneRules | null {
  const t = constantText(v);
  return t === null ? null : zoneOrThrow(t);
}

/** from_utc_timestamp (toUtc false) and to_utc_timestamp (toUtc true). */
function utcShiftDef(name: string, toUtc: boolean): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(
      `${name}(timestamp, timezone)`,
      toUtc
        ? "Interprets `timestamp` as a wall clock in `timezone` and renders it in UTC."
        : "Interprets `timestamp` as a wall clock in UTC and renders it in `timezone`.",
    ),
    resolve(_n, args) {
      checkArity(name, args, 2);
      return scalarCall(name, [coerceArg(name, args, 0, "timestamp", TimestampType), zoneArg(name, args, 1)], TimestampType, true);
    },
    eval(args) {
      const [t, z] = args as [Vector, Vector];
      const us = microsOf(t);
      const n = t.length;
      const out = new Float64Array(n);
      const validity = andValidityAll(args, n);
      const fixed = n > 0 ? fixedZone(z) : null;
      for (let i = 0; i < n; i++) {
        if (validity !== null && validity[i] === 0) continue;
        const zone = zoneAt(z, i, fixed);
        const x = us[i]!;
        const s = floorDiv(x, 1e6);
        const frac = x - s * 1e6;
        out[i] = (toUtc ? zone.localToUtc(s) : s + zone.offsetAt(s)) * 1e6 + frac;
      }
      return timestampVector(TimestampType, out, validity);
    },
  };
}

const CURRENT_TIMEZONE_CALL: Expr = { kind: "ScalarCall", fn: "current_timezone", args: [], dataType: StringType, nullable: false };

const CONVERT_TIMEZONE: ScalarFunctionDef = {
  kind: "scalar",
  name: "convert_timezone",
  doc: doc("convert_timezone([sourceTz, ]targetTz, sourceTs)", "Converts the timestamp without time zone `sourceTs` from the `sourceTz` wall clock (default: the session zone) to `targetTz`'s."),
  resolve(_n, args) {
    checkArity("convert_timezone", args, 2, 3);
    const full = args.length === 2 ? [CURRENT_TIMEZONE_CALL, ...args] : args;
    const src = zoneArg("convert_timezone", full, 0);
    const dst = zoneArg("convert_timezone", full, 1);
    const ts = coerceArg("convert_timezone", full, 2, "anyTimestamp", TimestampNTZType);
    return scalarCall("convert_timezone", [src, dst, ts], TimestampNTZType, true);
  },
  eval(args, _call, ctx) {
    const [src, dst, t] = args as [Vector, Vector, Vector];
    const us = microsOf(t);
    const n = t.length;
    const out = new Float64Array(n);
    const validity = writableValidity(andValidityAll(args, n), n);
    const fs = n > 0 ? fixedZone(src) : null;
    const fd = n > 0 ? fixedZone(dst) : null;
    // A TIMESTAMP input is first read as its session-zone wall clock.
    const session = t.type.kind === "timestamp" ? zoneOrThrow(ctx.timeZone) : null;
    for (let i = 0; i < n; i++) {
      if (validity[i] === 0) continue;
      const x = us[i]!;
      let s = floorDiv(x, 1e6);
      const frac = x - s * 1e6;
      if (session !== null) s += session.offsetAt(s);
      const instant = zoneAt(src, i, fs).localToUtc(s);
      out[i] = (instant + zoneAt(dst, i, fd).offsetAt(instant)) * 1e6 + frac;
    }
    return timestampVector(TimestampNTZType, out, compactValidity(validity));
  },
};

const CURRENT_TIMEZONE: ScalarFunctionDef = {
  kind: "scalar",
  name: "current_timezone",
  doc: doc("current_timezone()", "Returns the current session local timezone."),
  resolve(_n, args) {
    checkArity("current_timezone", args, 0);
    return scalarCall("current_timezone", [], StringType, false);
  },
  eval(_args, _call, ctx, numRows) {
    return broadcast(StringType, ctx.timeZone, numRows);
  },
};

/** Registry entries for zone conversions. */
export const DATETIME_ZONE_FUNCTIONS: readonly ScalarFunctionDef[] = [
  utcShiftDef("from_utc_timestamp", false),
  utcShiftDef("to_utc_timestamp", true),
  CONVERT_TIMEZONE,
  CURRENT_TIMEZONE,
];
