// Its own module so the typed loops can name it without importing arithmetic.ts (a cycle).
/** Binary arithmetic operators the kernels implement; operands already share the result type. */
export type ArithOp = "+" | "-" | "*" | "/" | "%" | "div";
