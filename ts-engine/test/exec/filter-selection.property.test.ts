import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeBatch } from "../../src/columnar/batch.js";
import { selectedRows } from "../../src/columnar/take.js";
import { makeVector } from "../../src/columnar/vector.js";
import { selectInto, simpleSelection } from "../../src/exec/filter-selection.js";
import { evaluate } from "../../src/expr/eval/evaluate.js";
import type { Expr } from "../../src/expr/expr.js";
import { scalarCall } from "../../src/expr/functions/function-def.js";
import { BooleanType, DoubleType, FloatType, IntegerType, structField, structType, type DataType } from "../../src/types/data-type.js";

// The filter's selection loops against the generic evaluator (the comparison kernels and
// selectedRows): the same rows for every operator, both operand orders, ANDs of several
// conjuncts and isnotnull, over doubles with NaN, -0.0 and nulls, floats and ints.

const ectx = { ansi: true, timeZone: "UTC", mapKeyDedupPolicy: "EXCEPTION" };
const TYPES: readonly DataType[] = [DoubleType, FloatType, IntegerType];
const special = fc.constantFrom(Number.NaN, 0, -0, 1.5, -1.5, 2, 1e300, -Infinity, Infinity);
const value = fc.oneof(fc.integer({ min: -3, max: 3 }), special);

function column(t: DataType, xs: readonly (number | null)[]) {
  const data = t === DoubleType ? new Float64Array(xs.length) : t === FloatType ? new Float32Array(xs.length) : new Int32Array(xs.length);
  const valid = new Uint8Array(xs.length);
  xs.forEach((x, i) => {
    // ints hold no NaN or fraction: those become null rows there
    const ok = x !== null && (t !== IntegerType || Number.isInteger(x));
    data[i] = ok ? x : 0;
    valid[i] = ok ? 1 : 0;
  });
  return makeVector(t, data, valid.every((v) => v === 1) ? null : valid, xs.length);
}

const conjunctArb = fc.record({
  col: fc.integer({ min: 0, max: 2 }),
  op: fc.constantFrom("<", "<=", ">", ">=", "==", "isnotnull"),
  literal: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -0, 1.5, -1.5, 1e300, -Infinity, Infinity)),
  flip: fc.boolean(),
});

describe("filter selection loops", () => {
  it("select the rows the generic predicate selects", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(value), fc.option(value), fc.option(value)), { maxLength: 40 }), fc.array(conjunctArb, { minLength: 1, maxLength: 3 }), (rows, parts) => {
        const cols = TYPES.map((t, c) => column(t, rows.map((r) => r[c]!)));
        const schema = structType(TYPES.map((t, c) => structField(`c${c}`, t, true)));
        const b = makeBatch(schema, cols, rows.length);
        const exprs: Expr[] = parts.map((p) => {
          const t = TYPES[p.col]!;
          const ref: Expr = { kind: "BoundRef", ordinal: p.col, dataType: t, nullable: true, name: `c${p.col}` };
          if (p.op === "isnotnull") return scalarCall("isnotnull", [ref], BooleanType, false);
          const lit: Expr = { kind: "Literal", value: t === IntegerType ? (Math.abs(p.literal) < 2 ** 31 ? Math.trunc(p.literal) : 3) : t === FloatType ? Math.fround(p.literal) : p.literal, dataType: t };
          return scalarCall(p.op, p.flip ? [lit, ref] : [ref, lit], BooleanType, true);
        });
        const cond = exprs.reduce((a, e) => scalarCall("and", [a, e], BooleanType, true));
        const simple = simpleSelection(cond);
        expect(simple).not.toBeNull();
        const sel = new Int32Array(rows.length);
        const k = selectInto(simple!, b, sel);
        expect(Array.from(sel.subarray(0, k))).toEqual(Array.from(selectedRows(evaluate(cond, b, ectx))));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves other conditions to the evaluator", () => {
    const ref: Expr = { kind: "BoundRef", ordinal: 0, dataType: DoubleType, nullable: true, name: "c0" };
    const other: Expr = { kind: "BoundRef", ordinal: 1, dataType: DoubleType, nullable: true, name: "c1" };
    expect(simpleSelection(scalarCall(">", [ref, other], BooleanType, true))).toBeNull();
    expect(simpleSelection(scalarCall("or", [scalarCall(">", [ref, { kind: "Literal", value: 1, dataType: DoubleType }], BooleanType, true), ref], BooleanType, true))).toBeNull();
    expect(simpleSelection(scalarCall(">", [ref, { kind: "Literal", value: Number.NaN, dataType: DoubleType }], BooleanType, true))).toBeNull();
  });
});
