// Its own module so the typed loops can name it without importing comparison.ts (a cycle).
/** Comparison operators by their wire names; `<=>` is null-safe equality. */
export type CompareOp = "==" | "<" | "<=" | ">" | ">=" | "<=>";
