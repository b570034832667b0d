import { jsFunctionOf, type JsFunction } from "../exec/js-function/js-function.js";

// The functions of the Node API's RDD joins, as Spark's PairRDDFunctions builds joins on
// cogroup: both sides' values tagged 0 (this) or 1 (other), grouped by key, and each key's
// group turned into the pairs the join kind keeps. They run in the tasks, so they read
// nothing from outside.

/** The join kinds of RDD.join / leftOuterJoin / rightOuterJoin / fullOuterJoin. */
export type JoinHow = "inner" | "left" | "right" | "full";

/** Tags a value of this RDD. */
export const TAG_LEFT: JsFunction = jsFunctionOf((v: unknown) => [0, v]);
/** Tags a value of the other RDD. */
export const TAG_RIGHT: JsFunction = jsFunctionOf((v: unknown) => [1, v]);

/** A key's tagged values as `[this side's values, other side's values]` (cogroup). */
export function cogroupValues(vs: readonly (readonly [number, unknown])[]): [unknown[], unknown[]] {
  const a: unknown[] = [];
  const b: unknown[] = [];
  for (const [t, v] of vs) (t === 0 ? a : b).push(v);
  return [a, b];
}

function joinPairs(outerLeft: boolean, outerRight: boolean): JsFunction {
  return jsFunctionOf(
    (vs: readonly (readonly [number, unknown])[]) => {
      const a: unknown[] = [];
      const b: unknown[] = [];
      for (const [t, v] of vs) (t === 0 ? a : b).push(v);
      const out: [unknown, unknown][] = [];
      if (a.length === 0) {
        if (outerRight) for (const y of b) out.push([null, y]);
        return out;
      }
      if (b.length === 0) {
        if (outerLeft) for (const x of a) out.push([x, null]);
        return out;
      }
      for (const x of a) for (const y of b) out.push([x, y]);
      return out;
    },
    { outerLeft, outerRight },
  );
}

/** Per join kind, a key's tagged values to its joined `[v, w]` pairs. */
export const JOIN_VALUES: Readonly<Record<JoinHow, JsFunction>> = {
  inner: joinPairs(false, false),
  left: joinPairs(true, false),
  right: joinPairs(false, true),
  full: joinPairs(true, true),
};
