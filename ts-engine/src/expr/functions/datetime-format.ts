import { Utf8Builder, utf8At } from "../../columnar/utf8.js";
import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { SparkException } from "../../errors/spark-exception.js";
import { DateType, LongType, StringType, TimestampNTZType, TimestampType, type DataType } from "../../types/data-type.js";
import { floorDiv } from "../datetime/civil.js";
import { compilePattern } from "../datetime/pattern.js";
import { PatternFormatter } from "../datetime/pattern-format.js";
import { newParseResult, PatternParser } from "../datetime/pattern-parse.js";
import { fixedLayout, formatFixedBatch, parseFixedBatch, type FixedLayout } from "../datetime/fixed-layout.js";
import { zoneRulesOrUtc, type ZoneRules } from "../datetime/zone-rules.js";
import { castVector } from "../eval/cast.js";
import type { EvalContext } from "../eval/eval-context.js";
import { compactValidity, microsOf, microsParts, timestampVector, writableValidity } from "../eval/datetime-vectors.js";
import { exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { checkArity, doc, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg, constantText, textAt } from "./datetime-args.js";

/**
 * Formatting and parsing with Spark's datetime patterns: date_format, from_unixtime,
 * to_timestamp (and _ltz/_ntz/try_), to_date with a format, unix_timestamp. A literal pattern
 * is compiled once per batch; a per-row pattern is compiled once per distinct text (cached).
 * Patterns with a fixed byte layout take the fast path of datetime/fixed-layout.ts.
 * Under ANSI mode text that does not match raises CANNOT_PARSE_TIMESTAMP with Java's message;
 * otherwise it gives null.
 */

const DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss";

function lit(value: string): Expr {
  return { kind: "Literal", value, dataType: StringType };
}

/**
 * Formats instants (whole seconds and microseconds) in `zone` with per-row or literal patterns.
 * A literal pattern with a fixed layout writes the whole batch slot by slot first.
 */
function formatInstants(seconds: Float64Array, micros: Float64Array, validity: Uint8Array | null, fmt: Vector, zone: ZoneRules, n: number): Vector {
  const literal = constantText(fmt);
  const patterns = new PatternCache(zone);
  let formatter = literal === null ? null : patterns.get(literal);
  if (formatter?.layout != null) {
    const fixed = formatBatchFixed(formatter.layout, seconds.subarray(0, n), 1, micros, validity, zone);
    if (fixed !== null) return fixed;
  }
  const b = new Utf8Builder(n, n * 20);
  const outValidity = writableValidity(validity, n);
  for (let i = 0; i < n; i++) {
    if (outValidity[i] === 0) {
      b.commit(0);
      continue;
    }
    if (literal === null) {
      const p = textAt(fmt, i);
      if (p === null) {
        outValidity[i] = 0;
        b.commit(0);
        continue;
      }
      formatter = patterns.get(p);
    }
    const s = seconds[i]!;
    const off = zone.offsetAt(s);
    const local = s + off;
    const days = floorDiv(local, 86400);
    formatter!.general.format(b, days, local - days * 86400, micros[i]!, off, s);
  }
  return makeVector(StringType, b.finish(), compactValidity(outValidity), n);
}

/**
 * A batch of instants formatted with a fixed layout (datetime/fixed-layout.ts): each row's
 * local day, second of day and microsecond, then the batch written slot by slot, every row
 * `width` bytes (null rows too: their slots hold text that is never read). The instants are
 * `instants` in units of 1/`unit` s, with their microseconds in `fraction` when given (else
 * the part below the second). Null when some year is outside 0–9999, for the general path.
 */
function formatBatchFixed(layout: FixedLayout, instants: Float64Array, unit: number, fraction: Float64Array | null, validity: Uint8Array | null, zone: ZoneRules): Vector | null {
  const n = instants.length;
  const days = new Int32Array(n);
  const sods = new Int32Array(n);
  const micros = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const x = instants[i]!;
    const s = Math.floor(x / unit);
    micros[i] = fraction === null ? x - s * unit : fraction[i]!;
    const local = s + zone.offsetAt(s);
    const d = Math.floor(local / 86400);
    days[i] = d;
    sods[i] = local - d * 86400;
  }
  const bytes = formatFixedBatch(layout, days, sods, micros, n);
  if (bytes === null) return null;
  const offsets = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) offsets[i] = i * layout.width;
  return makeVector(StringType, { offsets, bytes }, validity, n);
}

/** A pattern compiled for formatting: the general formatter, and its fixed layout when it has one. */
interface CompiledFormat {
  readonly general: PatternFormatter;
  readonly layout: FixedLayout | null;
}

/** Compiled formats by pattern text, so a per-row pattern column compiles each distinct text once. */
class PatternCache {
  private readonly map = new Map<string, CompiledFormat>();
  constructor(private readonly zone: ZoneRules) {}
  get(text: string): CompiledFormat {
    let f = this.map.get(text);
    if (f === undefined) {
      const compiled = compilePattern(text, false);
      f = { general: new PatternFormatter(compiled, this.zone), layout: fixedLayout(compiled) };
      this.map.set(text, f);
    }
    return f;
  }
}

const DATE_FORMAT: ScalarFunctionDef = {
  kind: "scalar",
  name: "date_format",
  doc: doc("date_format(timestamp, fmt)", "Converts `timestamp` to a string in the format specified by the datetime pattern `fmt`."),
  resolve(_n, args) {
    checkArity("date_format", args, 2);
    return scalarCall("date_format", [coerceArg("date_format", args, 0, "timestamp"), coerceArg("date_format", args, 1, "string")], StringType, true);
  },
  eval(args, _call, ctx) {
    const v = args[0]!;
    const zone = zoneRulesOrUtc(ctx.timeZone);
    const literal = constantText(args[1]!);
    if (literal !== null && v.storage === "f64") {
      // the common case: Float64 microseconds and one literal pattern with a fixed layout
      const layout = new PatternCache(zone).get(literal).layout;
      const fixed = layout === null ? null : formatBatchFixed(layout, v.data.subarray(0, v.length), 1e6, null, v.validity, zone);
      if (fixed !== null) return fixed;
    }
    const { seconds, micros } = microsParts(v);
    return formatInstants(seconds, micros, andNull(v.validity, args[1]!.validity, v.length), args[1]!, zone, v.length);
  },
};

const FROM_UNIXTIME: ScalarFunctionDef = {
  kind: "scalar",
  name: "from_unixtime",
  doc: doc("from_unixtime(unix_time[, fmt])", "Returns `unix_time` (seconds since the epoch) in the specified `fmt` (default yyyy-MM-dd HH:mm:ss) in the session time zone."),
  resolve(_n, args) {
    checkArity("from_unixtime", args, 1, 2);
    const t = exprType(args[0]!);
    const secs = t.kind === "long" ? args[0]! : { kind: "Cast" as const, child: args[0]!, dataType: LongType, implicit: true };
    const fmt = args.length === 2 ? coerceArg("from_unixtime", args, 1, "string") : lit(DEFAULT_FORMAT);
    return scalarCall("from_unixtime", [secs, fmt], StringType, true);
  },
  eval(args, _call, ctx) {
    const v = args[0]!;
    const n = v.length;
    const nums = numberData(v);
    const seconds = nums === null ? Float64Array.from(expectStorage(v, "i64big").data, Number) : Float64Array.from(nums);
    return formatInstants(seconds, new Float64Array(n), andNull(v.validity, args[1]!.validity, n), args[1]!, zoneRulesOrUtc(ctx.timeZone), n);
  },
};

function andNull(a: Uint8Array | null, b: Uint8Array | null, n: number): Uint8Array | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** CANNOT_PARSE_TIMESTAMP, as Spark wraps Java's DateTimeParseException under ANSI mode. */
function cannotParse(text: string, error: string): SparkException {
  return new SparkException("DateTimeException", "CANNOT_PARSE_TIMESTAMP", {
    message: `Text '${text}' ${error}`,
    func: "`try_to_timestamp`",
  });
}

/** How a parse result becomes a value. */
type ParseTarget = "timestamp" | "ntz" | "seconds";

/**
 * Parses string vector `v` with the patterns in `fmt`: microseconds (UTC, or wall clock for
 * ntz) or epoch seconds. `lenient` rows that fail become null whatever the ANSI setting (try_).
 */
function parseVector(v: Vector, fmt: Vector, target: ParseTarget, outType: DataType, ctx: EvalContext, lenient: boolean): Vector {
  const data = expectStorage(v, "utf8").data;
  const { offsets, bytes } = data;
  const n = v.length;
  const zone = zoneRulesOrUtc(ctx.timeZone);
  const literal = constantText(fmt);
  const parsers = new Map<string, CompiledParse>();
  let parser = literal === null ? null : compiledParse(parsers, literal);
  const res = newParseResult();
  const out = new Float64Array(n);
  const validity = writableValidity(andNull(v.validity, fmt.validity, n), n);
  const raise = ctx.ansi && !lenient;
  // one pattern for the batch: its fixed layout parses every row slot by slot first (the
  // layout has no zone or offset field: the local time is in the session zone)
  const batch = parser !== null && parser.layout !== null ? parseFixedBatch(parser.layout, bytes, offsets, n, validity) : null;
  for (let i = 0; i < n; i++) {
    if (validity[i] === 0) continue;
    if (batch !== null && batch.ok[i] === 1) {
      const local = batch.days[i]! * 86400 + batch.secondOfDay[i]!;
      const secs = target === "ntz" ? local : zone.localToUtc(local);
      out[i] = target === "seconds" ? secs : secs * 1e6 + batch.micros[i]!;
      continue;
    }
    if (literal === null) parser = compiledParse(parsers, textAt(fmt, i)!);
    const p = parser!;
    if (!p.general.parse(bytes, offsets[i]!, offsets[i + 1]!, res)) {
      if (raise) throw cannotParse(utf8At(data, i), res.error);
      validity[i] = 0;
      continue;
    }
    const local = res.days * 86400 + res.secondOfDay;
    let secs: number;
    if (target === "ntz") secs = local;
    else if (res.offset !== null) secs = local - res.offset;
    else secs = (res.zone ?? zone).localToUtc(local);
    out[i] = target === "seconds" ? secs : secs * 1e6 + res.micros;
  }
  const valid = compactValidity(validity);
  return target === "seconds" ? makeVector(outType, out, valid, n) : timestampVector(outType, out, valid);
}

/** A pattern compiled for parsing: the general parser, and its fixed layout when it has one. */
interface CompiledParse {
  readonly general: PatternParser;
  readonly layout: FixedLayout | null;
}

/** The compiled parse of `text`, once per distinct pattern text of a kernel call. */
function compiledParse(cache: Map<string, CompiledParse>, text: string): CompiledParse {
  let c = cache.get(text);
  if (c === undefined) {
    const compiled = compilePattern(text, true);
    c = { general: new PatternParser(compiled), layout: fixedLayout(compiled) };
    cache.set(text, c);
  }
  return c;
}

/** to_timestamp-like entries: (str[, fmt]) → timestamp, ntz, or a date. */
function toTimestampDef(name: string, outType: DataType, lenient: boolean, description: string): ScalarFunctionDef {
  const ntz = outType.kind === "timestamp_ntz";
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(timestamp_str[, fmt])`, description),
    resolve(_n, args) {
      checkArity(name, args, 1, 2);
      const t = exprType(args[0]!);
      if (args.length === 1 || t.kind !== "string") {
        // No format, or a value that already is a date/timestamp: a cast.
        const a = t.kind === "string" || t.kind === "date" || t.kind === "timestamp" || t.kind === "timestamp_ntz" || t.kind === "null"
          ? args[0]!
          : coerceArg(name, args, 0, "string");
        const rest = args.slice(1).map((_, k) => coerceArg(name, args, k + 1, "string"));
        return scalarCall(name, [a, ...rest], outType, true);
      }
      return scalarCall(name, [args[0]!, coerceArg(name, args, 1, "string")], outType, true);
    },
    eval(args, _call, ctx) {
      const v = args[0]!;
      if (v.type.kind !== "string" || args.length === 1) {
        // to_date without a format is Spark's Cast(child, DateType): a bad string is CAST_INVALID_INPUT to DATE
        if (outType.kind === "date") return castVector(v, DateType, ctx);
        return castVector(v, outType, lenient ? { ...ctx, ansi: false } : ctx);
      }
      const parsed = parseVector(v, args[1]!, ntz ? "ntz" : "timestamp", ntz ? TimestampNTZType : TimestampType, ctx, lenient);
      return outType.kind === "date" ? castVector(parsed, DateType, ctx) : parsed;
    },
  };
}

/** unix_timestamp / to_unix_timestamp: seconds since the epoch of a string (parsed with fmt), date or timestamp. */
function unixTimestampDef(name: string, allowNoArgs: boolean): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}([timeExp[, fmt]])`, "Returns the UNIX timestamp (seconds) of the current or specified time, parsing strings with `fmt` (default yyyy-MM-dd HH:mm:ss)."),
    resolve(_n, args) {
      checkArity(name, args, allowNoArgs ? 0 : 1, 2);
      if (args.length === 0) return scalarCall(name, [{ kind: "ScalarCall", fn: "current_timestamp", args: [], dataType: TimestampType, nullable: false }, lit(DEFAULT_FORMAT)], LongType, false);
      const t = exprType(args[0]!);
      const a = t.kind === "string" || t.kind === "date" || t.kind === "timestamp" || t.kind === "timestamp_ntz" || t.kind === "null" ? args[0]! : coerceArg(name, args, 0, "timestamp");
      const fmt = args.length === 2 ? coerceArg(name, args, 1, "string") : lit(DEFAULT_FORMAT);
      return scalarCall(name, [a, fmt], LongType, true);
    },
    eval(args, _call, ctx) {
      const v = args[0]!;
      if (v.type.kind === "string") return parseVector(v, args[1]!, "seconds", LongType, ctx, false);
      const ts = v.type.kind === "date" ? castVector(v, TimestampType, ctx) : v;
      const us = microsOf(ts);
      const out = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = floorDiv(us[i]!, 1e6);
      return makeVector(LongType, out, v.validity, v.length);
    },
  };
}

/** Registry entries for pattern formatting and parsing. */
export const DATETIME_FORMAT_FUNCTIONS: readonly ScalarFunctionDef[] = [
  DATE_FORMAT,
  FROM_UNIXTIME,
  toTimestampDef("to_timestamp", TimestampType, false, "Parses `timestamp_str` with the datetime pattern `fmt` to a timestamp (a cast without `fmt`)."),
  toTimestampDef("to_timestamp_ltz", TimestampType, false, "Parses `timestamp_str` with `fmt` to a timestamp with local time zone."),
  toTimestampDef("to_timestamp_ntz", TimestampNTZType, false, "Parses `timestamp_str` with `fmt` to a timestamp without time zone."),
  toTimestampDef("try_to_timestamp", TimestampType, true, "As to_timestamp, but returns NULL for text that does not parse, in ANSI mode too."),
  toTimestampDef("to_date", DateType, false, "Parses `date_str` with the datetime pattern `fmt` to a date (a cast without `fmt`)."),
  unixTimestampDef("unix_timestamp", true),
  unixTimestampDef("to_unix_timestamp", false),
];
