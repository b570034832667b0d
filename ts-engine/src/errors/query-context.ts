import { SparkException } from "./spark-exception.js";

/** How much text around the fragment the summary shows on its first and last line (Spark's maxExtraContextLength). */
const MAX_EXTRA = 32;
const ELLIPSIS = "...";

/**
 * Spark's SQLQueryContext.summary for the fragment `sqlText[start..stop]` (offsets, both
 * inclusive): `== SQL (line L, position P) ==`, then the lines the fragment spans (at most 32
 * characters of context before and after it, cut with `...`), each followed by a line with `^`
 * under the fragment's characters.
 */
export function queryContextSummary(sqlText: string, start: number, stop: number): string {
  const before = sqlText.slice(0, start).split("\n");
  const line = before.length;
  const position = before[before.length - 1]!.length + 1;
  const out: string[] = [`== SQL (line ${line}, position ${position}) ==\n`];
  const last = Math.min(stop, sqlText.length - 1);
  let lineStart = start;
  while (lineStart >= 0 && start - lineStart <= MAX_EXTRA && sqlText[lineStart] !== "\n") lineStart--;
  const startCut = start - lineStart > MAX_EXTRA;
  let index = lineStart - (startCut ? ELLIPSIS.length : 0);
  let lineStop = last;
  while (lineStop < sqlText.length && lineStop - last <= MAX_EXTRA && sqlText[lineStop] !== "\n") lineStop++;
  const stopCut = lineStop < sqlText.length && sqlText[lineStop] !== "\n";
  const text = (startCut ? ELLIPSIS : "") + sqlText.slice(lineStart + 1, lineStop) + (stopCut ? ELLIPSIS : "");
  for (const l of text.split("\n")) {
    out.push(`${l}\n`);
    index++;
    let marks = "";
    for (let i = 0; i < l.length; i++, index++) {
      if (index < start) marks += " ";
      else if (index <= last) marks += "^";
    }
    out.push(`${marks}\n`);
  }
  return out.join("");
}

/**
 * `e` with the query context of a fragment of `sqlText` after its message, as Spark's
 * exceptions print one they raised at a node of SQL text (a ParseException's message starts
 * on a new line).
 */
export function withQueryContext<E extends SparkException>(e: E, sqlText: string, start: number, stop: number): E {
  const lead = e.exceptionName === "ParseException" ? "\n" : "";
  e.message = `${lead}${e.message}\n${queryContextSummary(sqlText, start, stop)}`;
  return e;
}

/**
 * Where an expression stood in SQL text (offsets of its first and last character, both
 * inclusive): the parser sets it on calls, operators and casts, and the runtime errors Spark
 * reports with a query context carry the fragment (`== SQL (line L, position P) ==`).
 */
export interface SqlOrigin {
  readonly text: string;
  readonly start: number;
  readonly stop: number;
}

/**
 * The runtime errors Spark raises with the query context of the expression that failed (its
 * ANSI arithmetic, cast and index errors; others, such as CAST_OVERFLOW or
 * DATETIME_FIELD_OUT_OF_BOUNDS, come without one).
 */
const RUNTIME_CONTEXT_CLASSES: ReadonlySet<string> = new Set(["DIVIDE_BY_ZERO", "ARITHMETIC_OVERFLOW", "CAST_INVALID_INPUT", "INVALID_ARRAY_INDEX", "INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "INTERVAL_DIVIDED_BY_ZERO"]);

/**
 * Runs `f`, an expression's own work (its arguments evaluated before), and adds the
 * expression's SQL fragment to a runtime error of Spark's context-carrying classes that has
 * none yet (the innermost expression that raised names itself, as Spark's).
 */
export function withSqlOrigin<T>(origin: SqlOrigin | undefined, f: () => T): T {
  if (origin === undefined) return f();
  try {
    return f();
  } catch (e) {
    if (e instanceof SparkException && RUNTIME_CONTEXT_CLASSES.has(e.errorClass) && !e.message.includes("\n== SQL (")) withQueryContext(e, origin.text, origin.start, origin.stop);
    throw e;
  }
}
