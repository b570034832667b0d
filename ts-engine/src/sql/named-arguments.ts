import { AnalysisException } from "../errors/spark-exception.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import { lookupFunction } from "../expr/functions/registry.js";
import type { FunctionParameter } from "../expr/functions/function-def.js";

/** One argument of a call as written: positional, or `name => value`. */
export type CallArgument = { readonly value: ParsedExpr; readonly name?: string };

/** The parameters of `name`'s signature in the registry, if it takes named arguments. */
function signatureOf(name: string): readonly FunctionParameter[] | undefined {
  const def = lookupFunction(name);
  return def?.kind === "scalar" || def?.kind === "generator" ? def.parameters : undefined;
}

/**
 * A call's arguments in the order of the function's parameters, as Spark's
 * NamedParametersSupport.defaultRearrange puts them: positional ones first, then each named
 * one in its parameter's place, an omitted optional parameter its default. Spark's errors: a
 * positional argument after a named one, an unknown or doubly given name, too many arguments,
 * a required parameter left out; a function without a signature takes no named arguments.
 */
export function rearrangeArguments(name: string, args: readonly CallArgument[]): ParsedExpr[] {
  if (args.every((a) => a.name === undefined)) return args.map((a) => a.value);
  const routineName = `\`${name.toLowerCase()}\``;
  const params = signatureOf(name);
  if (params === undefined) throw new AnalysisException("NAMED_PARAMETERS_NOT_SUPPORTED", { functionName: routineName });
  const positional: ParsedExpr[] = [];
  const named = new Map<string, ParsedExpr>();
  let lastNamed: string | undefined;
  for (const a of args) {
    if (a.name === undefined) {
      if (lastNamed !== undefined) throw new AnalysisException("UNEXPECTED_POSITIONAL_ARGUMENT", { routineName, parameterName: `\`${lastNamed}\`` });
      positional.push(a.value);
      continue;
    }
    lastNamed = a.name;
  }
  const names = params.map((p) => p.name);
  const positionalNames = new Set(names.slice(0, positional.length));
  for (const a of args) {
    if (a.name === undefined) continue;
    if (!names.includes(a.name)) {
      throw new AnalysisException("UNRECOGNIZED_PARAMETER_NAME", { routineName, argumentName: `\`${a.name}\``, proposal: suggestions(a.name, names) });
    }
    if (positionalNames.has(a.name)) throw new AnalysisException("DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED", { routineName, parameterName: `\`${a.name}\`` });
    if (named.has(a.name)) throw new AnalysisException("DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE", { routineName, parameterName: `\`${a.name}\`` });
    named.set(a.name, a.value);
  }
  if (args.length > params.length) {
    const required = params.filter((p) => p.default === undefined).length;
    const sizes = Array.from({ length: params.length - required + 1 }, (_, i) => required + i);
    const expectedNum = sizes.length === 1 ? String(sizes[0]) : `[${sizes.join(", ")}]`;
    throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: routineName, expectedNum, actualNum: String(args.length), docroot: "https://spark.apache.org/docs/latest" });
  }
  const rest = params.slice(positional.length).map((p, i): ParsedExpr => {
    const v = named.get(p.name) ?? p.default;
    if (v === undefined) throw new AnalysisException("REQUIRED_PARAMETER_NOT_FOUND", { routineName, parameterName: `\`${p.name}\``, index: String(positional.length + i) });
    return v;
  });
  return [...positional, ...rest];
}

/**
 * Spark's suggestions for a misspelt parameter name: the three quoted names nearest to it by
 * Levenshtein distance (its orderSuggestedIdentifiersBySimilarity over `name`), ties in
 * signature order, space-separated.
 */
function suggestions(name: string, names: readonly string[]): string {
  const d = (a: string, b: string): number => {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diag = prev[0]!;
      prev[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const up = prev[j]!;
        prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
        diag = up;
      }
    }
    return prev[b.length]!;
  };
  return names
    .map((n) => `\`${n}\``)
    .map((q, i) => ({ q, i, dist: d(q, name) }))
    .sort((x, y) => x.dist - y.dist || x.i - y.i)
    .slice(0, 3)
    .map((x) => x.q)
    .join(" ");
}
