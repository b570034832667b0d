import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { compareUtf8, utf8At, Utf8Builder } from "../../../columnar/utf8.js";
import { collationComparator, needsCollationKey } from "../../../columnar/collation-key.js";
import { collationOfType } from "../../../types/collation.js";
import { allocVector, vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { compareValues } from "../../../columnar/value-order.js";
import type { DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { doc, type FunctionDoc, aggCall, allArgs, checkArity, firstArgType, type AggFunctionDef } from "../function-def.js";
import { growF64, growU8, seenValidity, type Accumulator } from "./accumulator.js";
import { DecimalAcc } from "./decimal-acc.js";
import { runningMinMax } from "../window/running-aggregates.js";

const NUMERIC_STATE = new Set(["boolean", "byte", "short", "integer", "float", "double", "date"]);

/** Spark's ordering of doubles: NaN is larger than any other value. */
function less(a: number, b: number): boolean {
  if (b !== b) return a === a;
  return a < b;
}

/** min(x) / max(x): null for a group without non-null values; result type = input type. */
export class MinMaxAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private readonly numeric: boolean;
  private nums: Float64Array = new Float64Array(16);
  private objs: unknown[] = [];
  /** String state: each group's current value as its own UTF-8 bytes (copied only when it changes). */
  private strs: Uint8Array[] = [];
  private seen: Uint8Array = new Uint8Array(16);

  /** A collated string's comparator (UTF8_LCASE, ICU …); null for binary order. */
  private readonly collated: ((a: string, b: string) => number) | null;
  /** The collated state's text, per group (decoded once when it changes). */
  private texts: string[] = [];

  constructor(
    private readonly type: DataType,
    private readonly isMax: boolean,
  ) {
    this.partialTypes = [type];
    this.numeric = NUMERIC_STATE.has(type.kind);
    this.collated = needsCollationKey(type) ? collationComparator(collationOfType(type)) : null;
  }

  ensure(n: number): void {
    this.nums = growF64(this.nums, n);
    this.seen = growU8(this.seen, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const val = v.validity;
    const seen = this.seen;
    if (this.numeric) {
      const d = numbersOf(v);
      const nums = this.nums;
      for (let i = 0; i < n; i++) {
        if (val !== null && val[i] === 0) continue;
        const g = groups[i]!;
        const x = d[i]!;
        if (seen[g] === 0 || (this.isMax ? less(nums[g]!, x) : less(x, nums[g]!))) nums[g] = x;
        seen[g] = 1;
      }
      return;
    }
    if (v.storage === "utf8" && this.collated !== null) {
      // Spark's Min/Max of a collated string: the collation's order (equal values keep the first)
      const cmp = this.collated;
      const strs = this.strs;
      const texts = this.texts;
      const sign = this.isMax ? -1 : 1;
      for (let i = 0; i < n; i++) {
        if (val !== null && val[i] === 0) continue;
        const g = groups[i]!;
        const x = utf8At(v.data, i);
        if (seen[g] === 0 || sign * cmp(x, texts[g]!) < 0) {
          texts[g] = x;
          strs[g] = v.data.bytes.slice(v.data.offsets[i]!, v.data.offsets[i + 1]!);
        }
        seen[g] = 1;
      }
      return;
    }
    if (v.storage === "utf8" && this.type.kind === "string") {
      // Strings compare as their UTF-8 bytes (UTF8String's binary order), in place: no JS strings.
      const { offsets, bytes } = v.data;
      const strs = this.strs;
      const sign = this.isMax ? -1 : 1;
      for (let i = 0; i < n; i++) {
        if (val !== null && val[i] === 0) continue;
        const g = groups[i]!;
        const s = offsets[i]!;
        const e = offsets[i + 1]!;
        if (seen[g] === 0) {
          strs[g] = bytes.slice(s, e);
          seen[g] = 1;
          continue;
        }
        const cur = strs[g]!;
        if (sign * compareUtf8(bytes, s, e, cur, 0, cur.length) < 0) strs[g] = bytes.slice(s, e);
      }
      return;
    }
    // Longs, binary and nested values: through JS values and Spark's value order.
    const d = vectorToValues(v);
    const objs = this.objs;
    const sign = this.isMax ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const x = d[i];
      if (x === null) continue;
      const g = groups[i]!;
      if (seen[g] === 0 || sign * compareValues(x, objs[g]) < 0) objs[g] = x;
      seen[g] = 1;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.update(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    const validity = seenValidity(this.seen, numGroups);
    if (this.numeric) {
      const out = allocVector(this.type, numGroups, validity);
      numbersOf(out).set(this.nums.subarray(0, numGroups));
      return out;
    }
    if (this.type.kind === "string") {
      const b = new Utf8Builder(numGroups, 16 * numGroups);
      for (let g = 0; g < numGroups; g++) {
        const x = this.seen[g] === 1 ? this.strs[g] : undefined;
        if (x === undefined) b.commit(0);
        else b.appendRange(x, 0, x.length);
      }
      return makeVector(this.type, b.finish(), validity, numGroups);
    }
    const vals: unknown[] = [];
    for (let g = 0; g < numGroups; g++) vals.push(this.seen[g] === 1 ? this.objs[g] : null);
    return vectorFromValues(this.type, vals);
  }
}

/** min/max: the argument's type; decimals exactly. */
function minMax(fnName: "min" | "max", doc: FunctionDoc): AggFunctionDef {
  return {
    kind: "agg",
    name: fnName,
    doc,
    resolve(name, args, isDistinct) {
      checkArity(name, args, 1);
      return aggCall(fnName, args, isDistinct, exprType(args[0]!), true);
    },
    accumulator(call) {
      const t = firstArgType(call);
      return t.kind === "decimal" ? new DecimalAcc(fnName, t, call.dataType) : new MinMaxAcc(call.dataType, fnName === "max");
    },
    updateArgs: allArgs,
    running: (call) => (NUMERIC_STATE.has(call.dataType.kind) ? runningMinMax(call.dataType, fnName === "max") : undefined),
    ignoresDistinct: true,
  };
}

/** min(x): the least non-null value. */
export const MIN = minMax("min", doc("min(expr)", "Returns the least non-null value of the group (NaN above every number), null when there is none."));
/** max(x): the greatest non-null value. */
export const MAX = minMax("max", doc("max(expr)", "Returns the greatest non-null value of the group (NaN above every number), null when there is none."));
