import type { StructType } from "../types/data-type.js";
import { valueToString } from "../expr/eval/to-string.js";
import { escapeMetaCharacters, leftPad, rightPad, stringHalfWidth } from "./text-width.js";

const MIN_COL_WIDTH = 3;

function truncateCell(s: string, truncate: number): string {
  if (truncate <= 0 || s.length <= truncate) return s;
  return truncate < 4 ? s.slice(0, truncate) : `${s.slice(0, truncate - 3)}...`;
}

function cellText(v: unknown, schema: StructType, col: number, timeZone: string, truncate: number): string {
  const text = v === null || v === undefined ? "NULL" : valueToString(v, schema.fields[col]!.dataType, timeZone);
  return truncateCell(escapeMetaCharacters(text), truncate);
}

function moreLine(hasMore: boolean, numRows: number): string {
  return hasMore ? `only showing top ${numRows} ${numRows === 1 ? "row" : "rows"}` : "";
}

function table(cells: readonly (readonly string[])[], truncate: number): string {
  const ncol = cells[0]!.length;
  const widths = Array.from({ length: ncol }, (_, j) => Math.max(MIN_COL_WIDTH, ...cells.map((r) => stringHalfWidth(r[j]!))));
  const sep = `+${widths.map((w) => "-".repeat(w)).join("+")}+\n`;
  const line = (r: readonly string[]): string =>
    `|${r.map((c, j) => (truncate > 0 ? leftPad(c, widths[j]!) : rightPad(c, widths[j]!))).join("|")}|\n`;
  const [header, ...body] = cells;
  return sep + line(header!) + sep + body.map(line).join("") + sep;
}

function vertical(cells: readonly (readonly string[])[]): string {
  const [names, ...rows] = cells;
  if (rows.length === 0) return "(0 rows)";
  const nameWidth = Math.max(MIN_COL_WIDTH, ...names!.map(stringHalfWidth));
  // A loop, not Math.max(...rows): show(n, vertical=True) has no bound on the row count.
  let dataWidth = MIN_COL_WIDTH;
  for (const r of rows) for (const c of r) dataWidth = Math.max(dataWidth, stringHalfWidth(c));
  let out = "";
  rows.forEach((r, i) => {
    out += `${rightPad(`-RECORD ${i}`, nameWidth + dataWidth + 5, "-")}\n`;
    out += r.map((c, j) => ` ${rightPad(names![j]!, nameWidth)} | ${rightPad(c, dataWidth)} `).join("\n") + "\n";
  });
  return out;
}

/**
 * Exactly the text PySpark's df.show() prints (Spark's Dataset.showString, without print's own
 * newline): cells as Spark casts them to string (NULL for null), cut to `truncate` chars with `...`,
 * right-aligned when truncating and left-aligned when not, or one `-RECORD n` block per row in
 * vertical mode, then `only showing top N rows` when there are more rows than shown.
 * `rows` are the first (up to numRows) rows; `hasMore` says whether more exist.
 */
export function showString(
  schema: StructType,
  rows: readonly (readonly unknown[])[],
  hasMore: boolean,
  numRows: number,
  truncate: number,
  verticalMode: boolean,
  timeZone: string,
): string {
  const shown = rows.slice(0, Math.max(0, numRows));
  // Spark truncates cells but never the header names.
  const header = schema.fields.map((f) => escapeMetaCharacters(f.name));
  const body = shown.map((r) => schema.fields.map((_, j) => cellText(r[j], schema, j, timeZone, truncate)));
  const cells = [header, ...body];
  const text = verticalMode ? vertical(cells) : table(cells, truncate);
  return text + moreLine(hasMore, numRows);
}
