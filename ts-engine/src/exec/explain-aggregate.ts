import { newExprId, type AggCall, type AttributeRef, type Expr } from "../expr/expr.js";
import { exprToString } from "../expr/expr-string.js";
import { exprType } from "../expr/expr-type.js";
import { transformExprDown } from "../plan/transform.js";
import { makeAccumulator } from "./aggregate/agg-spec.js";
import { fieldString } from "./explain-notes.js";

/**
 * The names Spark gives an aggregate's buffer attributes (its aggBufferAttributes), where
 * tspark's partial state has the same slots; others are named for the function.
 */
const BUFFER_NAMES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  count: [["count"]],
  // a decimal sum keeps whether any value was seen (Spark's DecimalSum isEmpty)
  sum: [["sum"], ["sum", "isEmpty"]],
  avg: [["sum", "count"]],
  mean: [["sum", "count"]],
  min: [["min"]],
  max: [["max"]],
  first: [["first", "valueSet"]],
  last: [["last", "valueSet"]],
  first_value: [["first", "valueSet"]],
  last_value: [["last", "valueSet"]],
  any_value: [["first", "valueSet"]],
  collect_list: [["buf"]],
  collect_set: [["buf"]],
  stddev: [["n", "avg", "m2"]],
  stddev_samp: [["n", "avg", "m2"]],
  stddev_pop: [["n", "avg", "m2"]],
  variance: [["n", "avg", "m2"]],
  var_samp: [["n", "avg", "m2"]],
  var_pop: [["n", "avg", "m2"]],
};

/** Fresh attributes for a call's partial state, named as Spark names its aggregate buffer. */
export function bufferAttrs(call: AggCall, ansi: boolean): AttributeRef[] {
  const types = makeAccumulator(call, ansi).partialTypes;
  const names = BUFFER_NAMES[call.fn]?.find((n) => n.length === types.length);
  return types.map((dataType, i) => ({
    kind: "AttributeRef",
    name: names?.[i] ?? call.fn,
    dataType,
    nullable: true,
    exprId: newExprId(),
  }));
}

/** A final aggregate's result attribute of one call (Spark's `count(1)#9L`). */
function resultAttr(call: AggCall): AttributeRef {
  // named for the function over its arguments, DISTINCT left out (Spark's resultAttribute)
  return { kind: "AttributeRef", name: exprToString({ ...call, isDistinct: false }), dataType: exprType(call), nullable: true, exprId: newExprId() };
}

const list = (es: readonly Expr[]): string[] => es.map(exprToString);

/**
 * The partial HashAggregate's formatted fields and output: its keys, `partial_f(x)` calls,
 * the buffer attributes it updates, and its results, the keys then fresh buffer attributes
 * (what the exchange above it carries), as Spark's HashAggregateExec prints them.
 */
export function partialAggregateFields(input: readonly Expr[], keys: readonly Expr[], calls: readonly AggCall[], ansi: boolean): { readonly fields: string[]; readonly output: Expr[] } {
  const updated = calls.flatMap((c) => bufferAttrs(c, ansi));
  const output = [...keys, ...calls.flatMap((c) => bufferAttrs(c, ansi))];
  return {
    fields: [
      fieldString("Input", list(input)),
      fieldString("Keys", list(keys)),
      fieldString("Functions", calls.map((c) => `partial_${exprToString(c)}`)),
      fieldString("Aggregate Attributes", list(updated)),
      fieldString("Results", list(output)),
    ],
    output,
  };
}

/**
 * The final HashAggregate's formatted fields: the calls, one result attribute each, and the
 * aggregate's output expressions over those attributes (`count(1)#9L AS c#7L`).
 */
export function finalAggregateFields(input: readonly Expr[], keys: readonly Expr[], calls: readonly AggCall[], aggs: readonly Expr[]): string[] {
  const attrs = calls.map(resultAttr);
  const results = aggs.map((a) =>
    transformExprDown(a, (e) => {
      if (e.kind !== "AggCall") return undefined;
      const i = calls.findIndex((c) => c === e || exprToString(c) === exprToString(e));
      return i < 0 ? undefined : attrs[i];
    }),
  );
  return [
    fieldString("Input", list(input)),
    fieldString("Keys", list(keys)),
    fieldString("Functions", calls.map(exprToString)),
    fieldString("Aggregate Attributes", list(attrs)),
    fieldString("Results", list(results)),
  ];
}

/**
 * A non-final phase of Spark's plan for one distinct argument set (planAggregateWithOneDistinct):
 * `partial_f` / `merge_f` calls, their result attributes as its Aggregate Attributes, and the
 * keys then fresh buffer attributes as its results.
 */
export function distinctPhaseFields(
  input: readonly Expr[],
  keys: readonly Expr[],
  named: readonly (readonly [string, AggCall])[],
  ansi: boolean,
): { readonly fields: string[]; readonly output: Expr[] } {
  const output = [...keys, ...named.flatMap(([, c]) => bufferAttrs({ ...c, isDistinct: false }, ansi))];
  return {
    fields: [
      fieldString("Input", list(input)),
      fieldString("Keys", list(keys)),
      fieldString("Functions", named.map(([pre, c]) => pre + exprToString(c))),
      fieldString("Aggregate Attributes", named.map(([, c]) => exprToString(resultAttr(c)))),
      fieldString("Results", list(output)),
    ],
    output,
  };
}
