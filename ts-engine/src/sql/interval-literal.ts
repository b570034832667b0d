import type { Literal } from "../expr/expr.js";
import { parseDayTimeInterval, parseYearMonthInterval } from "../expr/eval/interval-parse.js";
import {
  DAY_TIME_FIELDS,
  YEAR_MONTH_FIELDS,
  dayTimeIntervalType,
  yearMonthIntervalType,
} from "../types/data-type.js";
import { syntaxError, type Token } from "./lexer.js";

/** The token source an interval literal reads from (the expression parser's lexer). */
export interface TokenStream {
  peek(): Token;
  next(): Token;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MICROS: readonly bigint[] = [86_400_000_000n, 3_600_000_000n, 60_000_000n, 1_000_000n];

/** A unit word as a field: `day`/`days` → ["dt", 0], `month`/`months` → ["ym", 1]; null otherwise. */
function unitField(word: string): readonly ["dt" | "ym", number] | null {
  const w = word.toLowerCase().replace(/s$/, "");
  const dt = DAY_TIME_FIELDS.indexOf(w);
  if (dt >= 0) return ["dt", dt];
  const ym = YEAR_MONTH_FIELDS.indexOf(w);
  return ym >= 0 ? ["ym", ym] : null;
}

/**
 * An ANSI interval literal after the INTERVAL keyword: `'1 02:03:04.5' DAY TO SECOND`,
 * `'1-2' YEAR TO MONTH`, `'3' DAY`, or Spark's unit list `3 DAYS 2 HOURS` (typed from its first
 * to its last unit). Mixed year-month and day-time units, or malformed text, are syntax errors.
 */
export function intervalLiteral(ts: TokenStream): Literal {
  const valueTok = ts.next();
  let sign = "";
  let tok = valueTok;
  if (tok.type === "op" && (tok.value === "-" || tok.value === "+")) {
    sign = tok.value === "-" ? "-" : "";
    tok = ts.next();
  }
  if (tok.type !== "string" && tok.type !== "number") throw syntaxError(tok);
  const unitTok = ts.next();
  const first = unitTok.type === "ident" ? unitField(unitTok.value) : null;
  if (first === null) throw syntaxError(unitTok);
  const after = ts.peek();
  if (tok.type === "string" && after.type === "ident" && after.value.toLowerCase() === "to") {
    ts.next();
    const endTok = ts.next();
    const end = endTok.type === "ident" ? unitField(endTok.value) : null;
    if (end === null || end[0] !== first[0] || end[1] <= first[1]) throw syntaxError(endTok);
    return qualified(`${sign}${tok.value}`, first[0], first[1], end[1], tok);
  }
  if (tok.type === "string" && (after.type !== "number" && after.type !== "string")) return qualified(`${sign}${tok.value}`, first[0], first[1], first[1], tok);
  // Unit list: value unit [value unit …], all of one family.
  const family = first[0];
  let lo = first[1];
  let hi = first[1];
  let total = unitAmount(`${sign}${tok.value}`, first, tok);
  while (ts.peek().type === "number" || ts.peek().type === "string") {
    const v = ts.next();
    const u = ts.next();
    const f = u.type === "ident" ? unitField(u.value) : null;
    if (f === null || f[0] !== family) throw syntaxError(u);
    lo = Math.min(lo, f[1]);
    hi = Math.max(hi, f[1]);
    total += unitAmount(v.value, f, v);
  }
  if (family === "ym") return { kind: "Literal", value: Number(total), dataType: yearMonthIntervalType(lo, hi) };
  return { kind: "Literal", value: total <= SAFE && total >= -SAFE ? Number(total) : total, dataType: dayTimeIntervalType(lo, hi) };
}

/** One `<n> <unit>` amount in months or microseconds (seconds may have a fraction). */
function unitAmount(text: string, f: readonly ["dt" | "ym", number], tok: Token): bigint {
  const m = /^([+-])?(\d+)(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (m === null || (m[3] !== undefined && !(f[0] === "dt" && f[1] === 3))) throw syntaxError(tok);
  const neg = m[1] === "-";
  let v: bigint;
  if (f[0] === "ym") v = BigInt(m[2]!) * (f[1] === 0 ? 12n : 1n);
  else v = BigInt(m[2]!) * MICROS[f[1]]! + (m[3] === undefined ? 0n : BigInt(m[3].padEnd(9, "0").slice(0, 6)));
  return neg ? -v : v;
}

function qualified(text: string, family: "dt" | "ym", start: number, end: number, tok: Token): Literal {
  if (family === "ym") {
    const t = yearMonthIntervalType(start, end);
    const v = parseYearMonthInterval(text, t);
    if (v === null) throw syntaxError(tok);
    return { kind: "Literal", value: v, dataType: t };
  }
  const t = dayTimeIntervalType(start, end);
  const v = parseDayTimeInterval(text, t);
  if (v === null) throw syntaxError(tok);
  return { kind: "Literal", value: v <= SAFE && v >= -SAFE ? Number(v) : v, dataType: t };
}
