import { Utf8Builder, utf8At } from "../../columnar/utf8.js";
import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { DateType, DoubleType, LongType, StringType, type DataType } from "../../types/data-type.js";
import { civilInto, floorDiv } from "../datetime/civil.js";
import { parseDateBytes, readTimestampBytes, writeDate, writeTime, type TimestampFields } from "../datetime/timestamp-text.js";
import { zoneRulesOrUtc, type ZoneRules } from "../datetime/zone-rules.js";
import { castInvalidInput, castOverflow, numericSqlValue } from "./errors.js";
import type { EvalContext } from "./eval-context.js";
import { compactValidity, dateVector, daysOf, microsOf, microsParts, timestampVector, timestampVectorFromParts, writableValidity } from "./datetime-vectors.js";
import { resolveSeconds } from "./datetime.js";
import { castValue } from "./cast-value.js";
import { valueAt } from "./vectors.js";

/**
 * Spark's casts to and from DATE, TIMESTAMP and TIMESTAMP_NTZ, one loop per batch over typed
 * arrays and UTF-8 bytes: text in Spark's stringToDate/stringToTimestamp forms, timestamps
 * shown and read in the session zone (ctx.timeZone) with Java's gap/overlap rules, numbers as
 * seconds since the epoch. Returns null for casts that involve no datetime type, which the
 * general cast dispatch (cast.ts) handles. ANSI mode raises CAST_INVALID_INPUT / CAST_OVERFLOW;
 * otherwise such rows become null.
 */
export function castDatetime(v: Vector, to: DataType, ctx: EvalContext): Vector | null {
  const from = v.type.kind;
  const zone = (): ZoneRules => zoneRulesOrUtc(ctx.timeZone);
  switch (to.kind) {
    case "date":
      if (from === "string") return stringToDate(v, ctx.ansi);
      if (from === "timestamp") return timestampToDate(v, zone());
      if (from === "timestamp_ntz") return timestampToDate(v, null);
      return null;
    case "timestamp":
    case "timestamp_ntz": {
      const ntz = to.kind === "timestamp_ntz";
      if (from === "string") return stringToTimestamp(v, to, ntz ? null : zone(), ctx.ansi);
      if (from === "date") return dateToTimestamp(v, to, ntz ? null : zone());
      if (from === "timestamp" && ntz) return shiftZone(v, to, zone(), true);
      if (from === "timestamp_ntz" && !ntz) return shiftZone(v, to, zone(), false);
      if (!ntz && (from === "byte" || from === "short" || from === "integer" || from === "long" || from === "float" || from === "double")) {
        return numberToTimestamp(v, to, ctx.ansi);
      }
      // Decimal seconds: through the double (exact to the microsecond for today's epochs), truncated.
      if (!ntz && from === "decimal") return numberToTimestamp(castVectorToDouble(v, ctx), to, ctx.ansi);
      return null;
    }
    case "string":
      if (from === "date") return dateToString(v);
      if (from === "timestamp") return timestampToString(v, zone());
      if (from === "timestamp_ntz") return timestampToString(v, null);
      return null;
    case "long":
    case "integer":
    case "short":
    case "byte":
    case "double":
    case "float":
      if (from === "timestamp") return timestampToNumber(v, to, ctx.ansi);
      return null;
    default:
      return null;
  }
}

function stringToDate(v: Vector, ansi: boolean): Vector {
  const data = expectStorage(v, "utf8").data;
  const { offsets, bytes } = data;
  const n = v.length;
  const out = new Int32Array(n);
  const validity = writableValidity(v.validity, n);
  for (let i = 0; i < n; i++) {
    if (validity[i] === 0) continue;
    const d = parseDateBytes(bytes, offsets[i]!, offsets[i + 1]!);
    if (Number.isNaN(d)) {
      if (ansi) throw castInvalidInput(utf8At(data, i), StringType, DateType);
      validity[i] = 0;
    } else out[i] = d;
  }
  return dateVector(out, compactValidity(validity));
}

function stringToTimestamp(v: Vector, to: DataType, zone: ZoneRules | null, ansi: boolean): Vector {
  const data = expectStorage(v, "utf8").data;
  const { offsets, bytes } = data;
  const n = v.length;
  const secs = new Float64Array(n);
  const micros = new Float64Array(n);
  const validity = writableValidity(v.validity, n);
  const f: TimestampFields = { days: 0, secondOfDay: 0, micros: 0, zone: null };
  const z = zone ?? zoneRulesOrUtc("UTC");
  for (let i = 0; i < n; i++) {
    if (validity[i] === 0) continue;
    if (!readTimestampBytes(bytes, offsets[i]!, offsets[i + 1]!, f)) {
      if (ansi) throw castInvalidInput(utf8At(data, i), StringType, to);
      validity[i] = 0;
      continue;
    }
    secs[i] = resolveSeconds(f, z, zone === null);
    micros[i] = f.micros;
  }
  return timestampVectorFromParts(to, secs, micros, compactValidity(validity));
}

function timestampToDate(v: Vector, zone: ZoneRules | null): Vector {
  const us = microsOf(v);
  const n = v.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = floorDiv(us[i]!, 1e6);
    out[i] = floorDiv(zone === null ? s : s + zone.offsetAt(s), 86400);
  }
  return dateVector(out, v.validity);
}

function dateToTimestamp(v: Vector, to: DataType, zone: ZoneRules | null): Vector {
  const days = daysOf(v);
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const local = days[i]! * 86400;
    out[i] = (zone === null ? local : zone.localToUtc(local)) * 1e6;
  }
  return timestampVector(to, out, v.validity);
}

/** TIMESTAMP → TIMESTAMP_NTZ keeps the session-zone wall clock; the reverse reads it in the zone. */
function shiftZone(v: Vector, to: DataType, zone: ZoneRules, toNtz: boolean): Vector {
  const us = microsOf(v);
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = us[i]!;
    const s = floorDiv(x, 1e6);
    const frac = x - s * 1e6;
    out[i] = (toNtz ? s + zone.offsetAt(s) : zone.localToUtc(s)) * 1e6 + frac;
  }
  return timestampVector(to, out, v.validity);
}

const MAX_SECONDS = 9223372036854; // Long.MaxValue / 1e6: beyond it seconds → micros overflows

function numberToTimestamp(v: Vector, to: DataType, ansi: boolean): Vector {
  const n = v.length;
  const out = new Float64Array(n);
  const validity = writableValidity(v.validity, n);
  const nums = numberData(v);
  const integral = v.type.kind !== "float" && v.type.kind !== "double";
  for (let i = 0; i < n; i++) {
    if (validity[i] === 0) continue;
    const x = nums === null ? Number(expectStorage(v, "i64big").data[i]!) : nums[i]!;
    if (integral) {
      // Spark: SECONDS.toMicros saturates; ANSI raises on overflow.
      if (Math.abs(x) > MAX_SECONDS) {
        if (ansi) throw castOverflow(numericSqlValue(x, v.type), v.type, to);
        out[i] = x > 0 ? 9223372036854775807 : -9223372036854775808;
      } else out[i] = x * 1e6;
    } else if (!Number.isFinite(x)) {
      // NaN and ±Infinity give null (Spark's doubleToTimestamp), in ANSI mode too.
      validity[i] = 0;
    } else {
      const us = Math.trunc(x * 1e6);
      if (Math.abs(us) >= 9.223372036854776e18) {
        // Spark multiplies to microseconds first, then converts the double to a long: ANSI
        // reports that product against BIGINT; otherwise Java's conversion saturates.
        if (ansi) throw castOverflow(numericSqlValue(x * 1e6, DoubleType), DoubleType, LongType);
        out[i] = us;
      } else out[i] = us;
    }
  }
  return timestampVector(to, out, compactValidity(validity));
}

function timestampToNumber(v: Vector, to: DataType, ansi: boolean): Vector {
  const us = microsOf(v);
  const n = v.length;
  if (to.kind === "double" || to.kind === "float") {
    const out = to.kind === "double" ? new Float64Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = us[i]! / 1e6;
    return makeVector(to, out, v.validity, n);
  }
  // Seconds (floor) as a long, then narrowed as a long would be.
  const secs = new Float64Array(n);
  for (let i = 0; i < n; i++) secs[i] = floorDiv(us[i]!, 1e6);
  if (to.kind === "long") return makeVector(LongType, secs, v.validity, n);
  const bits = to.kind === "integer" ? 32 : to.kind === "short" ? 16 : 8;
  const lim = 2 ** (bits - 1);
  const out = bits === 32 ? new Int32Array(n) : bits === 16 ? new Int16Array(n) : new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const s = secs[i]!;
    if ((s >= lim || s < -lim) && ansi && (v.validity === null || v.validity[i] === 1)) {
      throw castOverflow(numericSqlValue(s, LongType).replace(/L$/, "L"), v.type, to);
    }
    out[i] = s;
  }
  return makeVector(to, out, v.validity, n);
}

function dateToString(v: Vector): Vector {
  const days = daysOf(v);
  const n = v.length;
  const b = new Utf8Builder(n, n * 10);
  const ymd = new Int32Array(3);
  for (let i = 0; i < n; i++) {
    if (v.validity !== null && v.validity[i] === 0) {
      b.commit(0);
      continue;
    }
    civilInto(days[i]!, ymd);
    const buf = b.reserve(16);
    const p = b.position();
    b.commit(writeDate(buf, p, ymd[0]!, ymd[1]!, ymd[2]!) - p);
  }
  return makeVector(StringType, b.finish(), v.validity, n);
}

function timestampToString(v: Vector, zone: ZoneRules | null): Vector {
  const { seconds, micros } = microsParts(v);
  const n = v.length;
  const b = new Utf8Builder(n, n * 19);
  const ymd = new Int32Array(3);
  for (let i = 0; i < n; i++) {
    if (v.validity !== null && v.validity[i] === 0) {
      b.commit(0);
      continue;
    }
    const s = seconds[i]!;
    const local = zone === null ? s : s + zone.offsetAt(s);
    const days = floorDiv(local, 86400);
    civilInto(days, ymd);
    const buf = b.reserve(40);
    const p = b.position();
    const q = writeDate(buf, p, ymd[0]!, ymd[1]!, ymd[2]!);
    b.commit(writeTime(buf, q, local - days * 86400, micros[i]!) - p);
  }
  return makeVector(StringType, b.finish(), v.validity, n);
}

/** A decimal vector as doubles, value by value through the general cast (which owns decimal storage). */
function castVectorToDouble(v: Vector, ctx: EvalContext): Vector {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = valueAt(v, i);
    if (x !== null) out[i] = castValue(x, v.type, DoubleType, ctx) as number;
  }
  return makeVector(DoubleType, out, v.validity, v.length);
}
