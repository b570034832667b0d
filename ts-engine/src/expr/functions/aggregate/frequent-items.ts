import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { valueKey } from "../../../columnar/value-key.js";
import type { Vector } from "../../../columnar/vector.js";
import { InternalError } from "../../../errors/spark-exception.js";
import { arrayType, LongType, type DataType } from "../../../types/data-type.js";
import type { Literal } from "../../expr.js";
import { exprType } from "../../expr-type.js";
import { aggCall, doc, firstArg, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/** One group's counters: at most `size` candidate items with their (decremented) counts. */
type Counters = Map<unknown, { value: unknown; count: number }>;

/**
 * Spark's FreqItemCounter.add (the Karp–Schenker–Papadimitriou / Misra–Gries counting that
 * CollectFrequentItems keeps): a new item takes a free slot; with none free, either it
 * replaces the items at the minimum count (every count then drops by that minimum) or, when
 * its count is below the minimum, every count drops by its count.
 */
function add(m: Counters, size: number, value: unknown, count: number): void {
  const k = valueKey(value);
  const hit = m.get(k);
  if (hit !== undefined) {
    hit.count += count;
    return;
  }
  if (m.size < size) {
    m.set(k, { value, count });
    return;
  }
  let min = Infinity;
  for (const e of m.values()) min = Math.min(min, e.count);
  if (m.size === 0) min = 0;
  if (count - min >= 0) {
    m.set(k, { value, count });
    for (const [key, e] of m) {
      if (e.count > min) e.count -= min;
      else m.delete(key);
    }
  } else {
    for (const e of m.values()) e.count -= count;
  }
}

class FrequentItemsAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private groups: Counters[] = [];

  constructor(
    private readonly itemType: DataType,
    private readonly size: number,
  ) {
    this.partialTypes = [arrayType(itemType, true), arrayType(LongType, false)];
  }

  ensure(n: number): void {
    while (this.groups.length < n) this.groups.push(new Map());
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) add(this.groups[groups[i]!]!, this.size, vals[i] ?? null, 1);
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const items = vectorToValues(partial[0]!);
    const counts = vectorToValues(partial[1]!);
    for (let i = 0; i < n; i++) {
      const xs = (items[i] as unknown[] | null) ?? [];
      const cs = (counts[i] as unknown[] | null) ?? [];
      xs.forEach((x, j) => add(this.groups[groups[i]!]!, this.size, x, Number(cs[j])));
    }
  }

  partial(numGroups: number): Vector[] {
    const gs = this.groups.slice(0, numGroups);
    return [
      vectorFromValues(this.partialTypes[0]!, gs.map((m) => [...m.values()].map((e) => e.value))),
      vectorFromValues(this.partialTypes[1]!, gs.map((m) => [...m.values()].map((e) => e.count))),
    ];
  }

  result(numGroups: number): Vector {
    return vectorFromValues(arrayType(this.itemType, true), this.groups.slice(0, numGroups).map((m) => [...m.values()].map((e) => e.value)));
  }
}

/**
 * collect_frequent_items(x, size): the candidate frequent items of `x` (Spark's
 * CollectFrequentItems, what df.freqItems selects with size = 1 / support; no SQL name).
 * The items are a superset of those with frequency above 1 / size; their order is this
 * engine's (Spark's follows its hash map).
 */
export const COLLECT_FREQUENT_ITEMS: AggFunctionDef = {
  kind: "agg",
  name: "collect_frequent_items",
  doc: doc("collect_frequent_items(x, size)", "Returns the candidate frequent items of x, counted in at most `size` counters (what freqItems computes)."),
  resolve(name, args, isDistinct) {
    if (args.length !== 2 || args[1]!.kind !== "Literal") throw new InternalError(`${name} takes a column and a literal size`);
    return aggCall("collect_frequent_items", args, isDistinct, arrayType(exprType(args[0]!), true), false);
  },
  accumulator(call) {
    return new FrequentItemsAcc(exprType(call.args[0]!), Number((call.args[1] as Literal).value));
  },
  updateArgs: firstArg,
};

/** Registry entries of df.freqItems's aggregate. */
export const FREQUENT_ITEMS_FUNCTIONS: readonly AggFunctionDef[] = [COLLECT_FREQUENT_ITEMS];
