import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { Column, toExpr, type ColumnOrValue } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { invokeExprs, litArg } from "./invoke.js";

// Sketch aggregates and their scalar helpers (Spark's datasketches and count-min functions).

const colArg = (c: ColumnOrName): Expr => toColumn(c).expr;

/** A count-min sketch of the column (Spark's bytes); a random seed when none is given, as PySpark. */
export const count_min_sketch = (c: ColumnOrName, eps: ColumnOrValue, confidence: ColumnOrValue, seed?: ColumnOrValue): Column =>
  invokeExprs("count_min_sketch", [colArg(c), toExpr(eps), toExpr(confidence), seed === undefined ? litArg(Math.floor(Math.random() * 2 ** 31)) : toExpr(seed)]);
/** An HLL sketch (Apache DataSketches HLL_8, Spark's bytes) of the column's values; lgConfigK 4–21, default 12. */
export const hll_sketch_agg = (c: ColumnOrName, lgConfigK?: ColumnOrValue): Column =>
  invokeExprs("hll_sketch_agg", lgConfigK === undefined ? [colArg(c)] : [colArg(c), toExpr(lgConfigK)]);
/** The union of a group's HLL sketches. */
export const hll_union_agg = (c: ColumnOrName, allowDifferentLgConfigK?: ColumnOrValue): Column =>
  invokeExprs("hll_union_agg", allowDifferentLgConfigK === undefined ? [colArg(c)] : [colArg(c), toExpr(allowDifferentLgConfigK)]);
/** The rounded distinct-count estimate of an HLL sketch. */
export const hll_sketch_estimate = (c: ColumnOrName): Column => invokeExprs("hll_sketch_estimate", [colArg(c)]);
/** The union of two HLL sketches. */
export const hll_union = (c1: ColumnOrName, c2: ColumnOrName, allowDifferentLgConfigK?: boolean): Column =>
  invokeExprs("hll_union", allowDifferentLgConfigK === undefined ? [colArg(c1), colArg(c2)] : [colArg(c1), colArg(c2), litArg(allowDifferentLgConfigK)]);
