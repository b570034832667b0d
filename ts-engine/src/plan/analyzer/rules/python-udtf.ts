import { AnalysisException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr, type PythonUDF, type SortOrder } from "../../../expr/expr.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import type { UdtfArgShape } from "../../../python/python-runner.js";
import type { StructType } from "../../../types/data-type.js";
import { pythonUdtf } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { ParsedPlan, ParsedPythonUDTF, ParsedTableArgument } from "../../parsed-plan.js";
import { scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { resolveExpanding } from "../resolve-expanding.js";
import { asSortOrder } from "../resolve-expr.js";

/** The UDTF's definition: the call's own PythonUDF, or the one `spark.udtf.register` gave the name. */
function udtfDefinition(p: ParsedPythonUDTF, ctx: AnalyzerCtx): Omit<PythonUDF, "args"> & { readonly returnType: StructType } {
  if (typeof p.udtf === "string") {
    const reg = ctx.sessionFunctions?.lookupSessionTableFunction?.(p.udtf);
    const rt = reg?.returnType;
    if (reg === undefined || rt?.kind !== "struct") throw new AnalysisException("UNRESOLVABLE_TABLE_VALUED_FUNCTION", { name: `\`${p.udtf}\`` });
    return { kind: "PythonUDF", name: reg.name, func: reg.func, returnType: rt, evalType: reg.evalType, deterministic: reg.deterministic };
  }
  const u = p.udtf;
  if (u.kind !== "PythonUDF") throw new AnalysisException("INVALID_UDF_IMPLEMENTATION", { funcName: `"${u.kind}"` });
  const rt = u.returnType;
  if (rt.kind !== "struct") throw new AnalysisException("INVALID_UDF_IMPLEMENTATION", { funcName: `"${u.name}"` });
  return { kind: "PythonUDF", name: u.name, func: u.func, returnType: rt, evalType: u.evalType, deterministic: u.deterministic };
}

/** Spark's OneRowRelation: what a UDTF call without a lateral side or a TABLE argument runs over. */
const ONE_ROW: ParsedPlan = { kind: "Project", input: { kind: "Range", start: 0, end: 1, step: 1, numPartitions: 1 }, exprs: [] };

function resolveOne(e: ParsedExpr, r: Resolved, ctx: AnalyzerCtx): Expr {
  const [x] = resolveExpanding([e], scopeOf(r, ctx));
  // an argument is a value: an alias only names it (Spark passes the alias's child)
  return x!.kind === "Alias" ? x!.child : x!;
}

function orderOf(e: ParsedExpr, r: Resolved, ctx: AnalyzerCtx): SortOrder {
  const x = resolveOne(e.kind === "SortOrder" ? e : { kind: "SortOrder", child: e, ascending: true, nullsFirst: true }, r, ctx);
  return asSortOrder(x);
}

/**
 * A Python UDTF call: Spark's Generate of a PythonUDTF. Over its lateral side (a lateral
 * join: each left row's columns joined with the rows `eval` yields for it), its TABLE
 * argument (every row of the table as a Row; PARTITION BY / ORDER BY / WITH SINGLE PARTITION
 * place and order them), or one row. One TABLE argument at most, as Spark allows by default.
 */
export function resolvePythonUdtf(p: ParsedPythonUDTF, ctx: AnalyzerCtx): Resolved {
  const def = udtfDefinition(p, ctx);
  const tables = p.args.flatMap((a) => (a.kind === "table" ? [a.table] : []));
  if (tables.length > 1) throw new AnalysisException("TABLE_VALUED_FUNCTION_TOO_MANY_TABLE_ARGUMENTS", { num: String(tables.length) });
  const table: ParsedTableArgument | undefined = tables[0];
  if (table !== undefined && p.lateral !== undefined) {
    throw new AnalysisException("NOT_IMPLEMENTED", { feature: "a TABLE argument of a UDTF in a lateral join" });
  }
  const base = ctx.resolve(p.lateral ?? table?.plan ?? ONE_ROW);
  const attrs = outputOf(base.plan);
  const args: Expr[] = [];
  const shapes: UdtfArgShape[] = p.args.map((a): UdtfArgShape => {
    const name = a.name === undefined ? {} : { name: a.name };
    if (a.kind === "table") {
      const first = args.length;
      args.push(...attrs);
      return { kind: "table", first, names: attrs.map((x) => x.name), ...name };
    }
    const arg = args.length;
    args.push(resolveOne(a.expr, base, ctx));
    return { kind: "scalar", arg, ...name };
  });
  const partitionBy = table === undefined ? [] : table.partitionBy.map((e) => resolveOne(e, base, ctx));
  const orderBy = table === undefined ? [] : table.orderBy.map((e) => orderOf(e, base, ctx));
  const names = p.columnAliases ?? def.returnType.fields.map((f) => f.name);
  if (names.length !== def.returnType.fields.length) {
    throw new AnalysisException("UDTF_ALIAS_NUMBER_MISMATCH", { aliasesSize: String(def.returnType.fields.length), aliasesNames: names.join(",") });
  }
  const qualifier = p.alias === undefined ? {} : { qualifier: [p.alias] };
  const output: AttributeRef[] = def.returnType.fields.map((f, i) => ({ kind: "AttributeRef", name: names[i]!, dataType: f.dataType, nullable: f.nullable, exprId: newExprId(), ...qualifier }));
  const plan = pythonUdtf(base.plan, {
    udtf: { ...def, args },
    shapes,
    passThrough: p.lateral === undefined ? [] : attrs,
    partitionBy,
    orderBy,
    singlePartition: table?.withSinglePartition ?? false,
    output,
    udtfId: newExprId(),
  });
  // a lateral join keeps the left side's frames reachable by planId (df["a"] after it)
  return { plan, planIds: p.lateral === undefined ? new Map() : base.planIds };
}
