// Its own module so the typed loops can name it without importing comparison.ts (a cycle).
/** Comparison operators by their wire names; `<=>` is null-safe equality. */
export type CompareOp = "==" | "<" | "<=" | ">" | ">=" | "<=>";

/** Whether a three-way comparison result `c` (-1, 0, 1) satisfies `op`, as 1 or 0. */
export function testCompare(op: CompareOp, c: number): number {
  switch (op) {
    case "==":
    case "<=>":
      return c === 0 ? 1 : 0;
    case "<":
      return c < 0 ? 1 : 0;
    case "<=":
      return c <= 0 ? 1 : 0;
    case ">":
      return c > 0 ? 1 : 0;
    case ">=":
      return c >= 0 ? 1 : 0;
  }
}
