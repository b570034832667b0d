import { calendarInterval, intervalFits, type CalendarInterval } from "../../columnar/calendar-interval.js";
import { SparkException } from "../../errors/spark-exception.js";

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;
const INITIAL_FRACTION_SCALE = 100_000_000;

/** Java's ArithmeticException inside the parser (Math.*Exact overflow). */
class Overflow extends Error {}

function exactLong(v: bigint): bigint {
  if (v > LONG_MAX || v < LONG_MIN) throw new Overflow();
  return v;
}

function exactInt(v: bigint): bigint {
  if (v > INT_MAX || v < INT_MIN) throw new Overflow();
  return v;
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}

/** The units, longest first where one is a prefix of another (Spark's IntervalUtils matchAt checks). */
const M_UNITS = ["month", "minute", "millisecond", "microsecond"] as const;

/**
 * Spark's IntervalUtils.stringToInterval: an optional `interval` prefix, then `[+|-]<number>
 * <unit>` pairs (`1 year 2 months 3 days 4 hours 5.5 seconds`), units singular or plural,
 * case-insensitive, only seconds with a fraction. Malformed text raises Spark's
 * INVALID_INTERVAL_FORMAT.<reason> (an IllegalArgumentException) naming the word at fault.
 */
export function stringToInterval(input: string): CalendarInterval {
  const fail = (sub: string, params: Record<string, string> = {}): never => {
    throw new SparkException("IllegalArgumentException", `INVALID_INTERVAL_FORMAT.${sub}`, { input, ...params });
  };
  const s = input.trim().toLowerCase();
  if (s.length === 0) fail("INPUT_IS_EMPTY");
  type State = "PREFIX" | "TRIM_BEFORE_SIGN" | "SIGN" | "TRIM_BEFORE_VALUE" | "VALUE" | "VALUE_FRACTIONAL_PART" | "TRIM_BEFORE_UNIT" | "UNIT_BEGIN" | "UNIT_SUFFIX" | "UNIT_END";
  let state = "PREFIX" as State;
  let i = 0;
  let value = 0n;
  let negative = false;
  let months = 0n;
  let days = 0n;
  let micros = 0n;
  let fractionScale = 0;
  let fraction = 0;
  let pointPrefixed = false;
  // the whitespace-separated word the cursor is in (Spark's currentWord)
  const currentWord = (): string => {
    const words = s.split(/\s+/);
    const right = s.slice(i).split(/\s+/).length;
    return words[words.length - right] ?? "";
  };
  const trimTo = (c: string, next: State): void => {
    if (isSpace(c)) i++;
    else state = next;
  };
  try {
    while (i < s.length) {
      const c = s[i]!;
      switch (state as State) {
        case "PREFIX":
          if (s.startsWith("interval")) {
            if (s.length === "interval".length) fail("INPUT_IS_EMPTY");
            else if (!isSpace(s[i + "interval".length]!)) fail("INVALID_PREFIX", { prefix: currentWord() });
            else i += "interval".length + 1;
          }
          state = "TRIM_BEFORE_SIGN";
          break;
        case "TRIM_BEFORE_SIGN":
          trimTo(c, "SIGN");
          break;
        case "SIGN":
          value = 0n;
          fraction = 0;
          state = "TRIM_BEFORE_VALUE";
          fractionScale = -1;
          pointPrefixed = false;
          if (c === "-" || c === "+") {
            negative = c === "-";
            i++;
          } else if (c >= "0" && c <= "9") negative = false;
          else if (c === ".") {
            negative = false;
            fractionScale = INITIAL_FRACTION_SCALE;
            pointPrefixed = true;
            i++;
            state = "VALUE_FRACTIONAL_PART";
          } else fail("UNRECOGNIZED_NUMBER", { number: currentWord() });
          break;
        case "TRIM_BEFORE_VALUE":
          trimTo(c, "VALUE");
          break;
        case "VALUE":
          if (c >= "0" && c <= "9") value = exactLong(exactLong(10n * value) + BigInt(c.charCodeAt(0) - 48));
          else if (isSpace(c)) state = "TRIM_BEFORE_UNIT";
          else if (c === ".") {
            fractionScale = INITIAL_FRACTION_SCALE;
            state = "VALUE_FRACTIONAL_PART";
          } else fail("INVALID_VALUE", { value: currentWord() });
          i++;
          break;
        case "VALUE_FRACTIONAL_PART":
          if (c >= "0" && c <= "9" && fractionScale > 0) {
            fraction += (c.charCodeAt(0) - 48) * fractionScale;
            fractionScale = Math.trunc(fractionScale / 10);
          } else if (isSpace(c) && (!pointPrefixed || fractionScale < INITIAL_FRACTION_SCALE)) {
            fraction = Math.trunc(fraction / 1000);
            state = "TRIM_BEFORE_UNIT";
          } else if (c >= "0" && c <= "9") fail("INVALID_PRECISION", { value: currentWord() });
          else fail("INVALID_VALUE", { value: currentWord() });
          i++;
          break;
        case "TRIM_BEFORE_UNIT":
          trimTo(c, "UNIT_BEGIN");
          break;
        case "UNIT_BEGIN": {
          // only seconds may have a fractional part
          if (c !== "s" && fractionScale >= 0) fail("INVALID_FRACTION", { unit: currentWord() });
          const v = negative ? -value : value;
          const f = BigInt(negative ? -fraction : fraction);
          const at = (u: string): boolean => s.startsWith(u, i);
          if (c === "y" && at("year")) {
            months = exactInt(months + exactInt(exactLong(12n * v)));
            i += 4;
          } else if (c === "w" && at("week")) {
            days = exactInt(days + exactInt(exactLong(7n * v)));
            i += 4;
          } else if (c === "d" && at("day")) {
            days = exactInt(days + exactInt(v));
            i += 3;
          } else if (c === "h" && at("hour")) {
            micros = exactLong(micros + exactLong(v * 3_600_000_000n));
            i += 4;
          } else if (c === "s" && at("second")) {
            micros = exactLong(exactLong(micros + exactLong(v * 1_000_000n)) + f);
            i += 6;
          } else if (c === "m" && M_UNITS.some(at)) {
            const u = M_UNITS.find(at)!;
            if (u === "month") months = exactInt(months + exactInt(v));
            else if (u === "minute") micros = exactLong(micros + exactLong(v * 60_000_000n));
            else if (u === "millisecond") micros = exactLong(micros + exactLong(v * 1000n));
            else micros = exactLong(micros + v);
            i += u.length;
          } else fail("INVALID_UNIT", { unit: currentWord() });
          state = "UNIT_SUFFIX";
          break;
        }
        case "UNIT_SUFFIX":
          if (c === "s") state = "UNIT_END";
          else if (isSpace(c)) state = "TRIM_BEFORE_SIGN";
          else fail("INVALID_UNIT", { unit: currentWord() });
          i++;
          break;
        case "UNIT_END":
          if (isSpace(c)) {
            i++;
            state = "TRIM_BEFORE_SIGN";
          } else fail("INVALID_UNIT", { unit: currentWord() });
          break;
      }
    }
  } catch (e) {
    if (e instanceof Overflow) fail("ARITHMETIC_EXCEPTION");
    throw e;
  }
  switch (state as State) {
    case "UNIT_SUFFIX":
    case "UNIT_END":
    case "TRIM_BEFORE_SIGN":
      return calendarInterval(Number(months), Number(days), micros);
    case "TRIM_BEFORE_VALUE":
      return fail("MISSING_NUMBER", { word: currentWord() });
    case "VALUE":
    case "VALUE_FRACTIONAL_PART":
      return fail("MISSING_UNIT", { word: currentWord() });
    default:
      return fail("UNKNOWN_PARSING_ERROR", { word: currentWord() });
  }
}

/**
 * stringToInterval for CAST(s AS INTERVAL) and interval arguments: null when the text is not
 * an interval or a field overflows (Spark's safeStringToInterval).
 */
export function parseCalendarInterval(text: string): CalendarInterval | null {
  try {
    const v = stringToInterval(text);
    return intervalFits(v.months, v.days, v.microseconds) ? v : null;
  } catch (e) {
    if (e instanceof SparkException) return null;
    throw e;
  }
}
