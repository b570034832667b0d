/**
 * A window frame (Spark's SpecifiedWindowFrame): which rows around the current one an
 * aggregate or nth_value sees. ROWS frames count rows; RANGE frames compare the single
 * order key's value with the current row's (CURRENT ROW there means the row's peers).
 */
export interface WindowFrame {
  readonly type: "rows" | "range";
  readonly lower: FrameBoundary;
  readonly upper: FrameBoundary;
}

/**
 * One end of a frame. `offset` is signed: negative precedes the current row, positive
 * follows it (Spark's Literal boundaries; rowsBetween(-1, 1) is -1 … 1).
 */
export type FrameBoundary =
  | { readonly kind: "unboundedPreceding" }
  | { readonly kind: "unboundedFollowing" }
  | { readonly kind: "currentRow" }
  | { readonly kind: "offset"; readonly value: number; readonly preceding?: true };

/** UNBOUNDED PRECEDING. */
export const UNBOUNDED_PRECEDING: FrameBoundary = Object.freeze({ kind: "unboundedPreceding" });
/** UNBOUNDED FOLLOWING. */
export const UNBOUNDED_FOLLOWING: FrameBoundary = Object.freeze({ kind: "unboundedFollowing" });
/** CURRENT ROW. */
export const CURRENT_ROW: FrameBoundary = Object.freeze({ kind: "currentRow" });

/** A boundary `n` rows (or key units) from the current row; 0 is CURRENT ROW, as Spark's rowsBetween makes it. */
export function offsetBoundary(n: number): FrameBoundary {
  return n === 0 ? CURRENT_ROW : { kind: "offset", value: n };
}

/** SQL's `n PRECEDING` (Spark's UnaryMinus(n)): offset -n, which names print as `n PRECEDING`. */
export function precedingBoundary(n: number): FrameBoundary {
  return { kind: "offset", value: -n, preceding: true };
}

/** The whole partition (Spark's default frame without ORDER BY). */
export const WHOLE_PARTITION: WindowFrame = Object.freeze({ type: "rows", lower: UNBOUNDED_PRECEDING, upper: UNBOUNDED_FOLLOWING });
/** From the partition's start to the current row's last peer (Spark's default frame with ORDER BY). */
export const RUNNING_RANGE: WindowFrame = Object.freeze({ type: "range", lower: UNBOUNDED_PRECEDING, upper: CURRENT_ROW });
/** From the partition's start to the current row (the frame ranking functions run in). */
export const RUNNING_ROWS: WindowFrame = Object.freeze({ type: "rows", lower: UNBOUNDED_PRECEDING, upper: CURRENT_ROW });

/** Whether two frames are the same. */
export function frameEquals(a: WindowFrame, b: WindowFrame): boolean {
  return a.type === b.type && boundaryEquals(a.lower, b.lower) && boundaryEquals(a.upper, b.upper);
}

function boundaryEquals(a: FrameBoundary, b: FrameBoundary): boolean {
  return a.kind === b.kind && (a.kind !== "offset" || (b.kind === "offset" && a.value === b.value));
}

/** The boundary's place on the line: unbounded ends at ±Infinity, CURRENT ROW at 0. */
export function boundaryPosition(b: FrameBoundary): number {
  switch (b.kind) {
    case "unboundedPreceding":
      return -Infinity;
    case "unboundedFollowing":
      return Infinity;
    case "currentRow":
      return 0;
    case "offset":
      return b.value;
  }
}

/** `unboundedpreceding$()` / `currentrow$()` / `-1`, as Spark's plans print a boundary. */
function boundaryExplain(b: FrameBoundary): string {
  switch (b.kind) {
    case "unboundedPreceding":
      return "unboundedpreceding$()";
    case "unboundedFollowing":
      return "unboundedfollowing$()";
    case "currentRow":
      return "currentrow$()";
    case "offset":
      return String(b.value);
  }
}

/** `UNBOUNDED PRECEDING` / `CURRENT ROW` / `-1 FOLLOWING`, as Spark's SpecifiedWindowFrame.sql (a literal offset is always FOLLOWING). */
function boundarySql(b: FrameBoundary): string {
  switch (b.kind) {
    case "unboundedPreceding":
      return "UNBOUNDED PRECEDING";
    case "unboundedFollowing":
      return "UNBOUNDED FOLLOWING";
    case "currentRow":
      return "CURRENT ROW";
    case "offset":
      return b.preceding === true ? `${-b.value} PRECEDING` : `${b.value} FOLLOWING`;
  }
}

/** `specifiedwindowframe(RowFrame, unboundedpreceding$(), currentrow$())`, as explain prints it. */
export function frameExplain(f: WindowFrame): string {
  return `specifiedwindowframe(${f.type === "rows" ? "RowFrame" : "RangeFrame"}, ${boundaryExplain(f.lower)}, ${boundaryExplain(f.upper)})`;
}

/** `ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`, as column names print it. */
export function frameSql(f: WindowFrame): string {
  return `${f.type === "rows" ? "ROWS" : "RANGE"} BETWEEN ${boundarySql(f.lower)} AND ${boundarySql(f.upper)}`;
}
