import type { Column } from "./column.js";
import { invokeExprs, litArg } from "./invoke.js";

// Spark's misc_funcs group: row ids, partition ids, random numbers, session information.

/** A 64-bit id that increases within a partition: the partition index in the upper 31 bits, the row's position in the lower 33. */
export const monotonically_increasing_id = (): Column => invokeExprs("monotonically_increasing_id", []);
/** Uniform random doubles in [0, 1), seeded (a random seed without one). */
export const rand = (seed?: number): Column => invokeExprs("rand", seed === undefined ? [] : [litArg(seed)]);
