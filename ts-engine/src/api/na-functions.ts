import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { DoubleType } from "../types/data-type.js";
import { PySparkValueError } from "./errors.js";
import { literalOf } from "./literal.js";

/** A value na.fill / na.replace take. */
export type NaValue = number | string | boolean;

/** The plan of `fillna(value, subset)` / `fillna({col: value})` over `input` (the engine builds the projection). */
export function fillPlan(input: ParsedPlan, value: NaValue | Readonly<Record<string, NaValue>>, subset?: string | readonly string[]): ParsedPlan {
  if (typeof value === "object") {
    const cols = Object.keys(value);
    return { kind: "NAFill", input, columns: cols, values: cols.map((c) => literalOf(value[c]!)), perColumn: true };
  }
  // PySpark sends a number as a double (Scala's fill(Double)), a bool as a bool
  const lit: ParsedExpr = typeof value === "number" ? { kind: "Literal", value, dataType: DoubleType } : literalOf(value);
  const columns = subset === undefined ? undefined : typeof subset === "string" ? [subset] : subset;
  return { kind: "NAFill", input, ...(columns === undefined ? {} : { columns }), values: [lit] };
}

/** The plan of `dropna(how, thresh, subset)`: `how` "any" keeps rows with no null, "all" rows with one value. */
export function dropPlan(input: ParsedPlan, how: string, thresh?: number, subset?: string | readonly string[]): ParsedPlan {
  if (how !== "any" && how !== "all") throw new PySparkValueError("VALUE_NOT_ANY_OR_ALL", { arg_name: "how", arg_type: how });
  const columns = subset === undefined ? undefined : typeof subset === "string" ? [subset] : subset;
  const min = thresh ?? (how === "any" ? undefined : 1);
  return { kind: "NADrop", input, ...(columns === undefined ? {} : { columns }), ...(min === undefined ? {} : { minNonNulls: min }) };
}

/**
 * The plan of `replace(toReplace, value, subset)`: `toReplace` a value, a list (with a value
 * or a list as long) or an `{old: new}` object; all old values and all non-null new ones of
 * one kind (booleans, strings or numbers), else MIXED_TYPE_REPLACEMENT.
 */
export function replacePlan(
  input: ParsedPlan,
  toReplace: NaValue | readonly NaValue[] | Readonly<Record<string, NaValue | null>>,
  value?: NaValue | null | readonly (NaValue | null)[],
  subset?: string | readonly string[],
): ParsedPlan {
  let pairs: [NaValue, NaValue | null][];
  if (typeof toReplace === "object" && !Array.isArray(toReplace)) {
    pairs = Object.entries(toReplace as Readonly<Record<string, NaValue | null>>);
  } else {
    const olds: readonly NaValue[] = Array.isArray(toReplace) ? toReplace : [toReplace as NaValue];
    const news = Array.isArray(value) ? value : olds.map(() => (value ?? null) as NaValue | null);
    if (news.length !== olds.length) {
      throw new PySparkValueError("LENGTH_SHOULD_BE_THE_SAME", { arg1: "to_replace", arg2: "value", arg1_length: String(olds.length), arg2_length: String(news.length) });
    }
    pairs = olds.map((o, i) => [o, news[i]!]);
  }
  const kinds = new Set([...pairs.map(([o]) => typeof o), ...pairs.flatMap(([, n]) => (n === null ? [] : [typeof n]))]);
  if (kinds.size > 1) throw new PySparkValueError("MIXED_TYPE_REPLACEMENT", {});
  const columns = subset === undefined ? undefined : typeof subset === "string" ? [subset] : subset;
  return { kind: "NAReplace", input, ...(columns === undefined ? {} : { columns }), replacements: pairs.map(([o, n]) => [literalOf(o), literalOf(n)] as const) };
}
