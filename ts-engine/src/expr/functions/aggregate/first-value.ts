import type { AggFunctionDef } from "../function-def.js";
import { COLLECT_LIST } from "./collect.js";
import { FIRST, LAST } from "./first-last.js";

/** An aggregate under another Spark name: the same type rule and accumulator, its own column name. */
function renamed(def: AggFunctionDef, name: string): AggFunctionDef {
  return {
    ...def,
    name,
    doc: { ...def.doc, usage: def.doc.usage.replace(def.name, name) },
    resolve: (_n, args, isDistinct) => ({ ...def.resolve(def.name, args, isDistinct), fn: name }),
    accumulator: (call, ansi) => def.accumulator({ ...call, fn: def.name }, ansi),
  };
}

/** first_value, last_value (first/last, under their own names) and array_agg (collect_list), as Spark 4 registers them. */
export const SYNONYM_AGGREGATES: readonly AggFunctionDef[] = [
  renamed(FIRST, "first_value"),
  renamed(LAST, "last_value"),
  // array_agg is collect_list itself: Spark names its column collect_list(x).
  { ...COLLECT_LIST, name: "array_agg", doc: { ...COLLECT_LIST.doc, usage: COLLECT_LIST.doc.usage.replace("collect_list", "array_agg") } },
];
