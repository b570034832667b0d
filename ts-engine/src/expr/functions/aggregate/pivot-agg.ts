import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { takeVector } from "../../../columnar/take.js";
import { valueKey } from "../../../columnar/value-key.js";
import { makeVector, type Vector } from "../../../columnar/vector.js";
import { InternalError } from "../../../errors/spark-exception.js";
import { arrayType, BooleanType, type DataType } from "../../../types/data-type.js";
import type { AggCall, Expr, Literal } from "../../expr.js";
import { exprType } from "../../expr-type.js";
import { aggCall, doc, type AggFunctionDef, type FunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/**
 * Whether PivotFirst takes values of this type (Spark's PivotFirst.supportsDataType: the
 * types an UnsafeRow updates in place). Spark plans a pivot whose aggregates all give such a
 * type as two aggregates (per group and pivot value, then spread into slots), which gives a
 * slot no rows fed as null; pivot_agg computes the same in one aggregate.
 */
export function pivotFirstSupports(t: DataType): boolean {
  switch (t.kind) {
    case "double":
    case "float":
    case "integer":
    case "long":
    case "short":
    case "byte":
    case "boolean":
    case "decimal":
      return true;
    default:
      return false;
  }
}

/** The parts of a resolved pivot_agg call: pivot column, inner aggregate, pivot values. */
interface PivotAggParts {
  readonly pivot: Expr;
  readonly inner: AggCall;
  readonly values: readonly Literal[];
}

/** Looks a function up by name (the registry's lookupFunction, passed in: the registry lists this entry). */
type Lookup = (name: string) => FunctionDef | undefined;

/** The inner aggregate's registry entry. */
function innerDef(lookup: Lookup, name: string): AggFunctionDef {
  const def = lookup(name);
  if (def?.kind !== "agg") throw new InternalError(`pivot_agg over ${name}, which is no aggregate`);
  return def;
}

/** pivot_agg's arguments: pivot column, the inner function's name, its argument count, its arguments, then the pivot values. */
function partsOf(lookup: Lookup, call: AggCall): PivotAggParts {
  const [pivot, name, count] = call.args;
  if (pivot === undefined || name?.kind !== "Literal" || count?.kind !== "Literal") throw new InternalError("malformed pivot_agg call");
  const k = Number(count.value);
  const innerArgs = call.args.slice(3, 3 + k);
  const values = call.args.slice(3 + k).map((v) => {
    if (v.kind !== "Literal") throw new InternalError("pivot_agg values must be literals");
    return v;
  });
  return { pivot, inner: innerDef(lookup, String(name.value)).resolve(String(name.value), innerArgs, false), values };
}

/**
 * Each row's slot: the index of its pivot value among `values`, -1 for none. Numeric pivot
 * columns compare in one typed loop (a linear scan for a few values); others go through value
 * keys, as grouping compares them.
 */
function slotsOf(pivot: Vector, values: readonly unknown[], index: ReadonlyMap<unknown, number>, n: number): Int32Array {
  const out = new Int32Array(n);
  const valid = pivot.validity;
  const nullSlot = index.get(null) ?? -1;
  if ((pivot.storage === "f64" || pivot.storage === "i32" || pivot.storage === "i16" || pivot.storage === "i8") && values.length <= 16) {
    const d = pivot.data;
    const keys = values.map((v) => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : Number.NaN));
    const m = keys.length;
    for (let i = 0; i < n; i++) {
      if (valid !== null && valid[i] === 0) {
        out[i] = nullSlot;
        continue;
      }
      const x = d[i]!;
      let s = -1;
      for (let j = 0; j < m; j++) {
        if (keys[j] === x) {
          s = j;
          break;
        }
      }
      out[i] = s;
    }
    return out;
  }
  const xs = vectorToValues(pivot);
  for (let i = 0; i < n; i++) out[i] = index.get(valueKey(xs[i] ?? null)) ?? -1;
  return out;
}

/**
 * One aggregate spread over the pivot values: group g's slot j is the inner aggregate over
 * the rows of g whose pivot column is value j (inner group g·N + j), null where no row was
 * (as Spark's PivotFirst leaves a slot without a (group, value) row). The result is the array
 * of the N slots.
 */
class PivotAggAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private seen = new Uint8Array(0);
  private readonly width: number;
  private readonly valueList: readonly unknown[];
  private readonly index: Map<unknown, number>;

  constructor(
    private readonly inner: Accumulator,
    private readonly innerType: DataType,
    pivotType: DataType,
    values: readonly Literal[],
  ) {
    this.width = values.length;
    // the values through a vector, so they take the convention the pivot column's rows come in
    this.valueList = vectorToValues(vectorFromValues(pivotType, values.map((v) => v.value)));
    this.index = new Map();
    this.valueList.forEach((v, i) => {
      const k = valueKey(v);
      // a value given twice: Spark's pivotIndex keeps the last index
      this.index.set(k, i);
    });
    this.partialTypes = Array.from({ length: this.width }, () => [...inner.partialTypes, BooleanType]).flat();
  }

  ensure(n: number): void {
    this.inner.ensure(n * this.width);
    if (this.seen.length < n * this.width) {
      const s = new Uint8Array(Math.max(n * this.width, this.seen.length * 2));
      s.set(this.seen);
      this.seen = s;
    }
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const slots = slotsOf(args[0]!, this.valueList, this.index, n);
    const w = this.width;
    const comp = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      if (s < 0) continue;
      const c = groups[i]! * w + s;
      this.seen[c] = 1;
      comp[m] = c;
      slots[m++] = i;
    }
    const innerArgs = args.slice(1);
    if (m === n) this.inner.update(comp, n, innerArgs);
    else if (m > 0) this.inner.update(comp.subarray(0, m), m, innerArgs.map((v) => takeVector(v, slots, m)));
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const w = this.width;
    const p = this.inner.partialTypes.length;
    const comp = new Int32Array(n);
    for (let j = 0; j < w; j++) {
      const cols = partial.slice(j * (p + 1), j * (p + 1) + p);
      const seen = partial[j * (p + 1) + p]!;
      for (let i = 0; i < n; i++) comp[i] = groups[i]! * w + j;
      this.inner.merge(comp, n, cols);
      if (seen.storage !== "bool") throw new InternalError("pivot_agg's seen column is not boolean");
      for (let i = 0; i < n; i++) if (seen.data[i] === 1) this.seen[comp[i]!] = 1;
    }
  }

  partial(numGroups: number): Vector[] {
    const w = this.width;
    const cols = this.inner.partial(numGroups * w);
    const out: Vector[] = [];
    const idx = new Int32Array(numGroups);
    for (let j = 0; j < w; j++) {
      const seen = new Uint8Array(numGroups);
      for (let g = 0; g < numGroups; g++) {
        idx[g] = g * w + j;
        seen[g] = this.seen[g * w + j]!;
      }
      for (const c of cols) out.push(takeVector(c, idx, numGroups));
      out.push(makeVector(BooleanType, seen, null, numGroups));
    }
    return out;
  }

  result(numGroups: number): Vector {
    const w = this.width;
    const vals = vectorToValues(this.inner.result(numGroups * w));
    const rows = new Array<unknown[]>(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const row = new Array<unknown>(w);
      for (let j = 0; j < w; j++) row[j] = this.seen[g * w + j] === 1 ? (vals[g * w + j] ?? null) : null;
      rows[g] = row;
    }
    // the slots are values of the vector convention already: no conversion per element
    return makeVector(arrayType(this.innerType, true), rows, null, numGroups);
  }
}

/**
 * pivot_agg(pivotColumn, 'fn', k, a1 … ak, v1 … vN): per group, the array of fn(a1 … ak) over
 * the group's rows whose pivot column is v1 … vN, null for a value without rows. What a pivot
 * of aggregate calls whose types PivotFirst takes computes in one pass: one hash aggregate on
 * the grouping columns feeding an inner accumulator per (group, value), instead of Spark's
 * two aggregates or one CASE per value and aggregate. No SQL name calls it. `lookup` finds
 * the inner function (the registry passes its own lookupFunction).
 */
export function pivotAggFunctions(lookup: Lookup): readonly AggFunctionDef[] {
  const PIVOT_AGG: AggFunctionDef = {
    kind: "agg",
    name: "pivot_agg",
    doc: doc("pivot_agg(pivotColumn, fn, k, arg1, ..., argk, v1, ..., vN)", "Returns the array of fn(arg1, ..., argk) over the rows whose pivotColumn is v1 … vN (what a pivot aggregates through)."),
    resolve(name, args, isDistinct) {
      if (name !== "pivot_agg") throw new InternalError(`${name} is pivot_agg`);
      const call = aggCall("pivot_agg", args, isDistinct, BooleanType, false);
      return { ...call, dataType: arrayType(partsOf(lookup, call).inner.dataType, true) };
    },
    accumulator(call, ansi) {
      const { pivot, inner, values } = partsOf(lookup, call);
      return new PivotAggAcc(innerDef(lookup, inner.fn).accumulator(inner, ansi), inner.dataType, exprType(pivot), values);
    },
    updateArgs(call) {
      const { pivot, inner } = partsOf(lookup, call);
      return [pivot, ...innerDef(lookup, inner.fn).updateArgs(inner)];
    },
  };
  return [PIVOT_AGG];
}
