import type { ExecContext } from "../exec/exec-context.js";
import { resolveFileSource } from "../io/file-source.js";
import { inferSplitsAsTasks } from "./infer-schema-tasks.js";
import { streamingSourceSchema } from "./streaming-schema.js";
import { mapParsedChildren, parsedChildren } from "../plan/parsed-children.js";
import type { ParsedPlan, SqlQuery } from "../plan/parsed-plan.js";
import { parseStatement } from "../sql/parse-statement.js";

/** Whether a plan holds a file source not listed yet. */
function hasUnresolvedSource(plan: ParsedPlan): boolean {
  if (plan.kind === "DataSource") return plan.relation === undefined;
  return parsedChildren(plan).some(hasUnresolvedSource);
}

/**
 * The plan with every file source resolved (files listed, partitions discovered, schema
 * inferred): what analysis needs and cannot do itself, since it reads the disk. Spark
 * resolves a DataSource when the DataFrame is made (classic) or each time a plan is
 * analyzed (Connect); the server does it per request, the Node API once per DataFrame.
 * `spark.sql`'s `{df}` references are resolved too. Sources already resolved are kept; the
 * same plan comes back when there is none.
 */
export async function resolveSources(plan: ParsedPlan, ctx: ExecContext): Promise<ParsedPlan> {
  if (plan.kind === "DataSource") {
    if (plan.relation !== undefined) return plan;
    // a streaming source analyzes as an empty relation of its schema (its batches are planned by stream/)
    if (plan.isStreaming === true) return { kind: "LocalRelation", schema: await streamingSourceSchema({ ...plan, isStreaming: true }, ctx), rows: [], ...(plan.planId === undefined ? {} : { planId: plan.planId }) };
    const relation = await resolveFileSource(
      { format: plan.format, paths: plan.paths, options: plan.options, ...(plan.schema === undefined ? {} : { userSchema: plan.schema }) },
      {
        conf: ctx.conf,
        timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC",
        signal: ctx.signal,
        inferSplits: (format, files, options) => inferSplitsAsTasks(format, files, options, ctx),
      },
    );
    return { ...plan, relation };
  }
  if (plan.kind === "Sql") {
    let changed = false;
    const refs = new Map<string, ParsedPlan>();
    for (const [k, v] of plan.refs) {
      const r = await resolveSources(v, ctx);
      if (r !== v) changed = true;
      refs.set(k, r);
    }
    const sql: SqlQuery = changed ? { ...plan, refs } : plan;
    // a query that reads files directly (SELECT * FROM parquet.`/p`) is resolved as its parsed plan
    const s = parseStatement(sql, ctx.conf.get("spark.sql.session.timeZone") ?? "UTC");
    if (s.kind === "Query" && hasUnresolvedSource(s.plan)) return resolveSources(s.plan, ctx);
    return sql;
  }
  const kids = parsedChildren(plan);
  if (kids.length === 0) return plan;
  const resolved = new Map<ParsedPlan, ParsedPlan>();
  for (const k of kids) resolved.set(k, await resolveSources(k, ctx));
  return mapParsedChildren(plan, (c) => resolved.get(c) ?? c);
}
