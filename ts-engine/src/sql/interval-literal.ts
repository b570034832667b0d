import type { Literal } from "../expr/expr.js";
import { parseDayTimeInterval, parseYearMonthInterval } from "../expr/eval/interval-parse.js";
import {
  DAY_TIME_FIELDS,
  YEAR_MONTH_FIELDS,
  dayTimeIntervalType,
  yearMonthIntervalType,
  type YearMonthIntervalType,
} from "../types/data-type.js";
import { syntaxError, type Token } from "./lexer.js";
import { stringToInterval } from "../expr/eval/calendar-interval-parse.js";
import { invalidIntervalFormat } from "../expr/eval/cast-interval.js";
import type { CalendarInterval } from "../columnar/calendar-interval.js";
import { ParseException, SparkException } from "../errors/spark-exception.js";
import { withQueryContext } from "../errors/query-context.js";

/** The token source an interval literal reads from (the expression parser's lexer), and the SQL text for error contexts. */
export interface TokenStream {
  peek(): Token;
  next(): Token;
  readonly text: string;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MICROS_PER_DAY = 86_400_000_000n;

/** Units a literal's type counts as another field (Spark's normalizeInternalUnit): a week is days, sub-second units seconds. */
const NORMALIZED: Readonly<Record<string, string>> = { week: "day", millisecond: "second", microsecond: "second", nanosecond: "second" };

/** A unit word as a field: `day`/`days` → ["dt", 0], `month`/`months` → ["ym", 1]; null otherwise. */
function unitField(word: string): readonly ["dt" | "ym", number] | null {
  const stripped = word.toLowerCase().replace(/s$/, "");
  const w = NORMALIZED[stripped] ?? stripped;
  const dt = DAY_TIME_FIELDS.indexOf(w);
  if (dt >= 0) return ["dt", dt];
  const ym = YEAR_MONTH_FIELDS.indexOf(w);
  return ym >= 0 ? ["ym", ym] : null;
}

/** The unit words Spark's multi-unit interval grammar takes (unitInMultiUnits), singular or plural. */
const MULTI_UNITS = new Set(["nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week", "month", "year"]);

function isUnit(t: Token): boolean {
  return t.type === "ident" && MULTI_UNITS.has(t.value.toLowerCase().replace(/s$/, ""));
}

/** The last character offset of a token. */
function endOf(t: Token): number {
  return t.pos + t.text.length - 1;
}

/**
 * An ANSI interval literal after the INTERVAL keyword at `start`: `'1 02:03:04.5' DAY TO
 * SECOND`, `'1-2' YEAR TO MONTH`, `'3' DAY`, Spark's unit list `3 DAYS 2 HOURS` and the typed
 * literal `'3 days 2 hours'` (typed from its first to its last unit). Malformed ones raise
 * Spark's errors: INVALID_INTERVAL_FORMAT.* from the interval string parser, the pattern of a
 * `unit TO unit` form, INVALID_TYPED_LITERAL for a typed literal's text.
 */
export function intervalLiteral(ts: TokenStream, start: number): Literal {
  const valueTok = ts.next();
  let sign = "";
  let tok = valueTok;
  if (tok.type === "op" && (tok.value === "-" || tok.value === "+")) {
    sign = tok.value === "-" ? "-" : "";
    tok = ts.next();
  }
  if (tok.type !== "string" && tok.type !== "number") throw syntaxError(tok);
  if (tok.type === "string" && !isUnit(ts.peek())) return typedLiteral(ts.text, start, endOf(tok), `${sign}${tok.value}`, tok.text);
  const mixed = (stop: number) => (): Error =>
    withQueryContext(new ParseException("_LEGACY_ERROR_TEMP_0029", { literal: ts.text.slice(start, stop + 1) }), ts.text, start, stop);
  const unitTok = ts.next();
  const first = unitTok.type === "ident" ? unitField(unitTok.value) : null;
  const after = ts.peek();
  if (tok.type === "string" && after.type === "ident" && after.value.toLowerCase() === "to") {
    ts.next();
    const endTok = ts.next();
    if (endTok.type !== "ident") throw syntaxError(endTok);
    const end = unitField(endTok.value);
    const context = (e: SparkException): SparkException => withQueryContext(e, ts.text, valueTok.pos, endOf(endTok));
    if (first === null || end === null || end[0] !== first[0] || end[1] <= first[1]) {
      throw context(new ParseException("INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION", { input: tok.value, from: unitTok.value.toLowerCase(), to: endTok.value.toLowerCase() }));
    }
    return qualified(`${sign}${tok.value}`, first[0], first[1], end[1], context);
  }
  // Unit list: value unit [value unit …] (Spark's multiUnitsInterval), parsed as one interval string
  if (!isUnit(unitTok)) throw syntaxError(unitTok);
  const pairs: (readonly [Token, Token])[] = [[tok, unitTok]];
  while (ts.peek().type === "number" || ts.peek().type === "string") {
    const v = ts.next();
    const u = ts.next();
    if (!isUnit(u)) throw syntaxError(u);
    pairs.push([v, u]);
  }
  const lastTok = pairs[pairs.length - 1]![1];
  for (const [v] of pairs) {
    // SPARK-32840: a unit inside a value would join the next pair's unit into a valid-looking string
    if (v.type === "string" && /\p{L}/u.test(v.value)) throw withQueryContext(new ParseException("_LEGACY_ERROR_TEMP_0026", { value: v.value }), ts.text, valueTok.pos, endOf(lastTok));
  }
  const text = pairs.map(([v, u], i) => ` ${i === 0 ? sign : ""}${v.value} ${u.value}`).join("");
  const cal = stringToInterval(text);
  const fields = pairs.map(([, u]) => unitField(u.value));
  return ansiLiteral(cal, fields, mixed(endOf(lastTok)));
}

/**
 * `INTERVAL '…'` without units after it (Spark's typed literal): the interval string, typed as
 * a year-month or day-time interval from the units it names.
 */
function typedLiteral(text: string, start: number, stop: number, value: string, raw: string): Literal {
  let cal: CalendarInterval;
  try {
    cal = stringToInterval(value);
  } catch (e) {
    if (!(e instanceof SparkException)) throw e;
    throw withQueryContext(new ParseException("INVALID_TYPED_LITERAL", { valueType: '"INTERVAL"', value: raw }), text, start, stop);
  }
  const units = value
    .split(/\s+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w !== "interval" && /^[a-z]+$/.test(w))
    .map((w) => unitField(w));
  return ansiLiteral(cal, units, () => withQueryContext(new ParseException("_LEGACY_ERROR_TEMP_0029", { literal: text.slice(start, stop + 1) }), text, start, stop));
}

/** A parsed interval as an ANSI literal of the one family its units are all in, from its first to its last field; `otherwise` for mixed units. */
function ansiLiteral(cal: CalendarInterval, fields: readonly (readonly ["dt" | "ym", number] | null)[], otherwise: () => Error): Literal {
  if (fields.length === 0 || fields.some((f) => f === null)) throw otherwise();
  const family = fields[0]![0];
  if (fields.some((f) => f![0] !== family)) throw otherwise();
  const lo = Math.min(...fields.map((f) => f![1]));
  const hi = Math.max(...fields.map((f) => f![1]));
  if (family === "ym") return { kind: "Literal", value: cal.months, dataType: yearMonthIntervalType(lo, hi) };
  const total = BigInt(cal.days) * MICROS_PER_DAY + cal.microseconds;
  return { kind: "Literal", value: total <= SAFE && total >= -SAFE ? Number(total) : total, dataType: dayTimeIntervalType(lo, hi) };
}

/**
 * A `'…' unit TO unit` literal (or a single unit's): the text in the form the type's fields
 * give (`d h:m:s.n`, `y-m`), else Spark's INVALID_INTERVAL_FORMAT for it, with the query context.
 */
function qualified(text: string, family: "dt" | "ym", start: number, end: number, context: (e: SparkException) => SparkException): Literal {
  try {
    if (family === "ym") {
      const t = yearMonthIntervalType(start, end);
      const v = parseYearMonthInterval(text, t);
      if (v === null) throw ymError(text, t);
      return { kind: "Literal", value: v, dataType: t };
    }
    const t = dayTimeIntervalType(start, end);
    const v = parseDayTimeInterval(text, t);
    if (v === null) throw invalidIntervalFormat(text, t);
    return { kind: "Literal", value: v <= SAFE && v >= -SAFE ? Number(v) : v, dataType: t };
  } catch (e) {
    if (!(e instanceof SparkException)) throw e;
    // Spark's require() failures (an hour past 23) surface as _LEGACY_ERROR_TEMP_0063 with the message
    const err = e.errorClass === "" ? new ParseException("_LEGACY_ERROR_TEMP_0063", { msg: e.message }) : new ParseException(e.errorClass, e.messageParameters);
    throw context(err);
  }
}

/** `'y-m'` whose month is past 11 is Spark's INTERVAL_PARSING; other text does not match the pattern. */
function ymError(text: string, t: YearMonthIntervalType): SparkException {
  if (t.startField === 0 && t.endField === 1 && /^[+-]?\d+-\d+$/.test(text.trim())) return new ParseException("INVALID_INTERVAL_FORMAT.INTERVAL_PARSING", { input: text, interval: "year-month" });
  return invalidIntervalFormat(text, t);
}
