import { AnalysisException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr, type ScalarCall } from "../../../expr/expr.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { exprExists } from "../../../expr/transform.js";
import type { LogicalPlan } from "../../logical-plan.js";
import { generate } from "../../nodes/index.js";

/**
 * The call itself when `e` (an output item, maybe aliased, maybe with several names) is a
 * generator call. An alias over an alias (withColumn of `explode(m).alias("k", "v")`) keeps the
 * outer, single name, as Spark's withColumn does.
 */
function generatorCall(e: Expr): { call: ScalarCall; aliases?: readonly string[] } | undefined {
  let inner = e;
  while (inner.kind === "Alias") inner = inner.child;
  if (inner.kind !== "ScalarCall" || lookupFunction(inner.fn)?.kind !== "generator") return undefined;
  return e.kind === "Alias" ? { call: inner, aliases: e.names ?? [e.name] } : { call: inner };
}

function isGenerator(x: Expr): boolean {
  return x.kind === "ScalarCall" && lookupFunction(x.fn)?.kind === "generator";
}

/**
 * Spark's ExtractGenerator: each generator of a select list (top level, maybe aliased) becomes
 * a Generate under the projection, in list order (several chain, each over the previous one's
 * output), and the list refers to its generated columns instead. A generator nested inside
 * another expression is UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS. Returns the input and
 * list unchanged when there is none.
 */
export function extractGenerators(input: LogicalPlan, exprs: readonly Expr[]): { plan: LogicalPlan; exprs: Expr[] } {
  let plan = input;
  const out: Expr[] = [];
  for (const e of exprs) {
    const g = generatorCall(e);
    if (g === undefined) {
      if (exprExists(e, isGenerator)) {
        throw new AnalysisException("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS", { expression: `"${exprPrettySql(e.kind === "Alias" ? e.child : e)}"` });
      }
      out.push(e);
      continue;
    }
    const def = lookupFunction(g.call.fn);
    if (def?.kind !== "generator") continue;
    const fields = def.outputFields(g.call);
    if (g.aliases !== undefined && fields.length !== g.aliases.length) {
      throw new AnalysisException("UDTF_ALIAS_NUMBER_MISMATCH", { aliasesSize: String(fields.length), aliasesNames: g.aliases.join(",") });
    }
    const attrs: AttributeRef[] = fields.map((f, k) => ({
      kind: "AttributeRef",
      name: g.aliases?.[k] ?? f.name,
      dataType: f.dataType,
      // Spark's Generate makes an outer generator's columns nullable.
      nullable: f.nullable || def.outer,
      exprId: newExprId(),
    }));
    plan = generate(plan, g.call, def.outer, attrs);
    out.push(...attrs);
  }
  return { plan, exprs: out };
}

/** Whether a resolved list holds a generator anywhere. */
export function hasGenerator(exprs: readonly Expr[]): boolean {
  return exprs.some((e) => exprExists(e, isGenerator));
}
