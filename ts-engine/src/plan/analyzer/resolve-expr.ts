import { isOrderable } from "../../types/orderable.js";
import { isGroupedAggPandasUdf, PythonEvalType } from "../../expr/python-eval-type.js";
import { castVerdict } from "../../types/cast-rules.js";
import { coerceCollations, withResultCollation } from "../../expr/functions/collation.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { BooleanType, IntegerType, NullType, StringType } from "../../types/data-type.js";
import { widerTypeOfAll } from "../../types/coercion.js";
import { assertNever } from "../../errors/assert-never.js";
import { InternalError } from "../../errors/spark-exception.js";
import { newExprId, type Expr, type NamedLambdaVariable, type SortOrder } from "../../expr/expr.js";
import type { HigherOrderFunctionDef } from "../../expr/functions/function-def.js";
import type { ParsedExpr, ParsedSortOrder } from "../../expr/parsed-expr.js";
import { exprType } from "../../expr/expr-type.js";
import { distinctAliasOf, lookupFunction } from "../../expr/functions/registry.js";
import { implicitCast, quotedSql, type ResolveSettings } from "../../expr/functions/function-def.js";
import { parseExpression } from "../../sql/parse-expression.js";
import { exprExists } from "../../expr/transform.js";
import { exprPrettySql } from "../../expr/expr-string.js";
import { sqlTypeName } from "../../types/type-names.js";
import { quoteParts, resolveColumn, type Scope } from "./scope.js";
import { regexColumns } from "./regex-columns.js";
import { noPlan } from "./no-plan.js";
import { quotedType } from "../../expr/functions/function-def.js";
import { windowExpression } from "./window-spec.js";

const SEARCH_PATH = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";

/**
 * Resolves one expression against a scope: column references to AttributeRefs, function calls
 * through the registry (with implicit casts), SQL text through the expression parser, CASE WHEN
 * typing. Stars are expanded by the caller (only projection lists may hold them).
 */
export function resolveExpr(e: ParsedExpr, scope: Scope): Expr {
  switch (e.kind) {
    case "UnresolvedAttribute":
      if (e.origin === undefined) return resolveAttribute(e.nameParts, e.planId, scope);
      try {
        return resolveAttribute(e.nameParts, e.planId, scope);
      } catch (err) {
        // a column SQL text names: Spark's message says where (`; line 1 pos 7`)
        if (err instanceof AnalysisException && err.errorClass.startsWith("UNRESOLVED_COLUMN") && !/; line \d+ pos \d+$/.test(err.message)) err.message += `; line ${e.origin.line} pos ${e.origin.pos}`;
        throw err;
      }
    case "UnresolvedStar": {
      // colRegex inside an expression (`df.colRegex("`a`") + 1`): the one column it names
      const hits = e.regex === undefined ? [] : regexColumns(e.regex, e.target, scope);
      if (hits.length === 1) return hits[0]!;
      const elem = e.regex === undefined ? "'*'" : `regular expression '${e.regex}'`;
      throw new AnalysisException("INVALID_USAGE_OF_STAR_OR_REGEX", { elem, prettyName: "expression" });
    }
    case "ExprString":
      try {
        return resolveExpr(parseExpression(e.sql, scope.timeZone), scope);
      } catch (err) {
        // Errors from SQL text carry Spark's origin (`; line 1 pos N`) instead of the plan.
        if (err instanceof AnalysisException && err.errorClass === "UNRESOLVED_ROUTINE") {
          const name = (err.messageParameters["routineName"] ?? "").replace(/`/g, "");
          const pos = Math.max(0, e.sql.toLowerCase().indexOf(name.toLowerCase()));
          err.message = `${err.message}; line 1 pos ${pos}`;
          throw noPlan(err);
        }
        throw err;
      }
    case "UnresolvedFunction": {
      const resolved = resolveFunction(e.name, e.args, e.isDistinct, scope);
      // the call keeps where SQL text wrote it, for its runtime errors' query context
      const f = e.sqlOrigin !== undefined && (resolved.kind === "ScalarCall" || resolved.kind === "Cast") && resolved.sqlOrigin === undefined ? { ...resolved, sqlOrigin: e.sqlOrigin } : resolved;
      return e.filter === undefined ? f : withAggFilter(f, resolveExpr(e.filter, scope));
    }
    case "Literal":
      return e;
    case "Alias": {
      const c = resolveExpr(e.child, scope);
      if (e.names === undefined) return { kind: "Alias", child: c, name: e.name, exprId: newExprId(), ...(e.metadata === undefined ? {} : { metadata: e.metadata }) };
      if (c.kind !== "ScalarCall" || lookupFunction(c.fn)?.kind !== "generator") {
        throw new AnalysisException("MULTI_ALIAS_WITHOUT_GENERATOR", { names: e.names.join(", "), expr: `"${exprPrettySql(c)}"` });
      }
      return { kind: "Alias", child: c, name: e.name, exprId: newExprId(), names: e.names };
    }
    case "Cast":
      return checkedCast({ ...e, child: resolveExpr(e.child, scope) }, scope);
    case "SortOrder":
      return { ...e, child: resolveExpr(e.child, scope) };
    case "PythonUDF": {
      const args = e.args.map((a) => resolveExpr(a, scope));
      // a grouped-aggregate pandas UDF is an aggregate function: no aggregate in its arguments
      if (e.evalType === PythonEvalType.groupedAggPandas && args.some(containsAgg)) throw new AnalysisException("NESTED_AGGREGATE_FUNCTION", {});
      return { ...e, args };
    }
    case "CaseWhen":
      return resolveCaseWhen(e.branches, e.elseValue, scope);
    case "UnresolvedNamedLambdaVariable":
      return resolveAttribute(e.nameParts, undefined, scope);
    case "LambdaFunction":
      // Only a higher-order function's argument may be a lambda (resolveFunction binds it).
      throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", { class: "LambdaFunction" });
    case "Window":
      if (e.windowName !== undefined) {
        throw new AnalysisException("MISSING_WINDOW_SPECIFICATION", { windowName: e.windowName, docroot: "https://spark.apache.org/docs/latest" });
      }
      return windowExpression(
        resolveExpr(e.windowFunction, scope),
        e.partitionSpec.map((x) => resolveExpr(x, scope)),
        e.orderSpec.map((o) => resolveSortOrder(o, scope)),
        e.frame,
      );
    case "OuterReference":
      return resolveOuterReference(e.child, scope);
    case "SubqueryExpression":
      // Filter, Project and WithColumns join their subqueries in (rules/subquery-expression.ts)
      throw new AnalysisException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY", { treeNode: scope.operator ?? "" });
    default:
      return assertNever(e);
  }
}

/**
 * `col.outer()`: resolved among the outer query's columns only. Outside a correlated subquery
 * it is an unresolved column, which is how a subquery shows it is correlated (decorrelate).
 */
function resolveOuterReference(child: ParsedExpr, scope: Scope): Expr {
  if (scope.outer === undefined) {
    const name = child.kind === "UnresolvedAttribute" ? quoteParts(child.nameParts) : `\`${exprPrettySql(child)}\``;
    throw new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", { objectName: name });
  }
  const { outer, hidden: _hidden, ...rest } = scope;
  return resolveExpr(child, { ...rest, attrs: outer });
}

/** A sort key resolved (its child), still a SortOrder. */
export function resolveSortOrder(o: ParsedSortOrder, scope: Scope): SortOrder {
  const sorted: SortOrder = { ...o, child: resolveExpr(o.child, scope) };
  const t = exprType(sorted.child);
  if (!isOrderable(t)) {
    // Spark's SortOrder needs an orderable type (RowOrdering.isOrderable): maps, calendar
    // intervals and variants have no order, nor arrays or structs of them.
    throw new AnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", { sqlExpr: `"${exprPrettySql(sorted)}"`, functionName: "`sortorder`", dataType: `"${sqlTypeName(t)}"` });
  }
  return sorted;
}

/** Checks that a resolved expression is a sort key (Sort's orders are built from sort keys only). */
export function asSortOrder(e: Expr): SortOrder {
  if (e.kind !== "SortOrder") throw new InternalError(`sort key is a ${e.kind}, not a SortOrder`);
  return e;
}

/**
 * A column, or a struct field path below one (`col("st.x")`): the longest prefix that names a
 * column wins, the rest become field accesses named after the last field, as Spark does.
 */
function resolveAttribute(nameParts: readonly string[], planId: number | undefined, scope: Scope): Expr {
  const lambdaVar = planId === undefined ? lookupLambdaVariable(nameParts, scope) : undefined;
  if (lambdaVar !== undefined) return lambdaVar;
  try {
    return resolveColumn(nameParts, planId, scope);
  } catch (err) {
    if (nameParts.length < 2 || !(err instanceof AnalysisException) || !err.errorClass.startsWith("UNRESOLVED_COLUMN")) throw err;
    for (let k = nameParts.length - 1; k >= 1; k--) {
      let base: Expr;
      try {
        base = resolveColumn(nameParts.slice(0, k), planId, scope);
      } catch {
        continue;
      }
      const baseType = exprType(base);
      if (baseType.kind !== "struct" && baseType.kind !== "array" && baseType.kind !== "map") {
        throw noPlan(
          new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", { base: `"${nameParts.slice(0, k).join(".")}"`, other: quotedType(baseType) }),
        );
      }
      for (const field of nameParts.slice(k)) {
        base = applyFunction("get_field", [base, { kind: "Literal", value: field, dataType: StringType }], false);
      }
      return { kind: "Alias", child: base, name: nameParts[nameParts.length - 1]!, exprId: newExprId() };
    }
    throw err;
  }
}

/**
 * A resolved cast, or Spark's DATATYPE_MISMATCH.CAST_* when analysis rejects the pair
 * (try_cast, `ansi: false` on the node, follows the ANSI rules, as Spark's TryCast).
 */
function checkedCast(c: Extract<Expr, { kind: "Cast" }>, scope: Scope): Expr {
  const from = exprType(c.child);
  const v = castVerdict(from, c.dataType, c.ansi === false ? true : (scope.ansi ?? true));
  if (v.ok) return c;
  throw new AnalysisException(`DATATYPE_MISMATCH.${v.form}`, {
    sqlExpr: quotedSql(c),
    srcType: quotedType(from),
    targetType: quotedType(c.dataType),
    config: '"spark.sql.ansi.enabled"',
    configVal: "'false'",
    functionNames: v.form === "CAST_WITH_FUNC_SUGGESTION" ? v.functions : "",
  });
}

function resolveFunction(name: string, rawArgs: readonly ParsedExpr[], isDistinct: boolean, scope: Scope): Expr {
  const lower = name.toLowerCase();
  if (lower === "!=" || lower === "<>") {
    return resolveFunction("not", [{ kind: "UnresolvedFunction", name: "==", args: rawArgs, isDistinct: false }], false, scope);
  }
  const registered = scope.sessionFunctions?.lookupSessionFunction(lower);
  if (registered !== undefined) {
    const { name: udfName, func, returnType, evalType, deterministic } = registered;
    return resolveExpr({ kind: "PythonUDF", name: udfName, func, returnType, args: rawArgs, evalType, deterministic }, scope);
  }
  const distinctOf = distinctAliasOf(lower);
  if (distinctOf !== undefined) return resolveFunction(distinctOf, rawArgs, true, scope);
  const def = lookupFunction(name);
  if (def === undefined) {
    throw new AnalysisException("UNRESOLVED_ROUTINE", { routineName: `\`${name}\``, searchPath: SEARCH_PATH });
  }
  if (def.kind === "higherOrder") return resolveHigherOrder(def, lower, rawArgs, scope);
  const args = rawArgs.flatMap((a): Expr[] => {
    if (a.kind !== "UnresolvedStar") return [resolveExpr(a, scope)];
    if (def.kind === "agg" && def.starMeansRows === true) return [{ kind: "Literal", value: 1, dataType: IntegerType }];
    return a.regex === undefined && scope.expandStar !== undefined ? scope.expandStar(a) : [resolveExpr(a, scope)];
  });
  return applyFunction(name, args, isDistinct, { decimalAllowPrecisionLoss: scope.decimalAllowPrecisionLoss ?? true });
}

/**
 * A name resolved as a lambda variable (Spark's ResolveLambdaVariables: variables shadow
 * columns), with struct fields below it as field accesses; undefined when it names none.
 */
function lookupLambdaVariable(nameParts: readonly string[], scope: Scope): Expr | undefined {
  const vars = scope.lambdaVars;
  const first = nameParts[0];
  if (vars === undefined || first === undefined) return undefined;
  const v = vars.get(scope.caseSensitive ? first : first.toLowerCase());
  if (v === undefined) return undefined;
  let base: Expr = v;
  for (const field of nameParts.slice(1)) {
    base = applyFunction("get_field", [base, { kind: "Literal", value: field, dataType: StringType }], false);
  }
  return base;
}

/**
 * A higher-order function call: value arguments first, then each lambda in order with the
 * variable types the entry gives it (a later lambda may depend on an earlier one, as
 * aggregate's finish on its merge), then the entry's own type check.
 */
function resolveHigherOrder(def: HigherOrderFunctionDef, name: string, rawArgs: readonly ParsedExpr[], scope: Scope): Expr {
  const args: (Expr | undefined)[] = rawArgs.map((a) => (a.kind === "LambdaFunction" ? undefined : resolveExpr(a, scope)));
  rawArgs.forEach((a, i) => {
    if (a.kind !== "LambdaFunction") return;
    const types = def.lambdaVariables(args, i, a.args.length);
    const vars: NamedLambdaVariable[] = a.args.map((v, k) => ({
      kind: "NamedLambdaVariable",
      name: v.nameParts.join("."),
      dataType: types[k]!.dataType,
      nullable: types[k]!.nullable,
      exprId: newExprId(),
    }));
    const inner = new Map(scope.lambdaVars ?? []);
    for (const v of vars) inner.set(scope.caseSensitive ? v.name : v.name.toLowerCase(), v);
    args[i] = { kind: "LambdaFunction", body: resolveExpr(a.body, { ...scope, lambdaVars: inner }), args: vars };
  });
  return def.resolve(name, args as Expr[]);
}

/** A registry function over already resolved arguments (type checks and coercion are the entry's). */
function applyFunction(name: string, args: readonly Expr[], isDistinct: boolean, settings?: ResolveSettings): Expr {
  const lower = name.toLowerCase();
  const def = lookupFunction(name);
  if (def === undefined) {
    throw new AnalysisException("UNRESOLVED_ROUTINE", { routineName: `\`${name}\``, searchPath: SEARCH_PATH });
  }
  if (args.some(containsGenerator)) {
    // Spark's ExtractGenerator: a generator may only be a whole select item.
    const draft: Expr = { kind: "ScalarCall", fn: lower, args, dataType: NullType, nullable: true };
    throw new AnalysisException("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS", { expression: `"${exprPrettySql(draft)}"` });
  }
  if (def.kind === "agg") {
    if (args.some((a) => containsAgg(a))) throw new AnalysisException("NESTED_AGGREGATE_FUNCTION", {});
    return def.resolve(lower, args, isDistinct);
  }
  try {
    // Spark's CollationTypeCoercion settles the string arguments' collation first
    const c = coerceCollations(lower, args);
    return withResultCollation(lower, def.resolve(lower, c.args, settings), c.collation);
  } catch (e) {
    // Spark raises a bad extract field while building the expression, before any plan exists.
    throw e instanceof AnalysisException && e.errorClass === "INVALID_EXTRACT_FIELD" ? noPlan(e) : e;
  }
}

/**
 * An aggregate call with `FILTER (WHERE cond)`: the condition must be boolean and free of
 * aggregates, and FILTER applies only to aggregate functions (Spark's errors otherwise).
 */
function withAggFilter(f: Expr, cond: Expr): Expr {
  if (f.kind !== "AggCall") {
    throw new AnalysisException("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX", { prettyName: `\`${f.kind === "ScalarCall" ? f.fn : exprPrettySql(f)}\``, syntax: "FILTER clause" });
  }
  const t = exprType(cond).kind;
  if (t !== "boolean" && t !== "null") {
    throw new AnalysisException("INVALID_AGGREGATE_FILTER.NOT_BOOLEAN", { filterExpr: quotedSql(cond) });
  }
  if (containsAgg(cond)) throw new AnalysisException("INVALID_AGGREGATE_FILTER.CONTAINS_AGGREGATE", { filterExpr: quotedSql(cond), aggExpr: quotedSql(cond) });
  return { ...f, filter: cond };
}

/** True when `e` is or contains a generator call (explode, inline, stack …). */
function containsGenerator(e: Expr): boolean {
  return exprExists(e, (x) => x.kind === "ScalarCall" && lookupFunction(x.fn)?.kind === "generator");
}

/** True when `e` contains an aggregate call. */
export function containsAgg(e: Expr): boolean {
  switch (e.kind) {
    case "AggCall":
      return true;
    case "ScalarCall":
      return e.args.some(containsAgg);
    case "PythonUDF":
      // a grouped-aggregate pandas UDF is an aggregate function (Spark's PythonUDAF)
      return isGroupedAggPandasUdf(e) || e.args.some(containsAgg);
    case "Alias":
    case "Cast":
    case "SortOrder":
      return containsAgg(e.child);
    case "CaseWhen":
      return e.branches.some(([c, v]) => containsAgg(c) || containsAgg(v)) || (e.elseValue !== undefined && containsAgg(e.elseValue));
    case "LambdaFunction":
      return containsAgg(e.body);
    case "WindowExpression":
      // An aggregate over a window is the window's, not the query's; its arguments and spec
      // may still hold the query's aggregates (rank() OVER (ORDER BY sum(x))).
      return e.fn.args.some(containsAgg) || e.partitionSpec.some(containsAgg) || e.orderSpec.some(containsAgg);
    case "Literal":
    case "AttributeRef":
    case "BoundRef":
    case "NamedLambdaVariable":
      return false;
    default:
      return assertNever(e);
  }
}

function resolveCaseWhen(branches: readonly (readonly [ParsedExpr, ParsedExpr])[], elseRaw: ParsedExpr | undefined, scope: Scope): Expr {
  const conds = branches.map(([c]) => resolveExpr(c, scope));
  const vals = branches.map(([, v]) => resolveExpr(v, scope));
  const elseValue = elseRaw === undefined ? undefined : resolveExpr(elseRaw, scope);
  const all = elseValue === undefined ? vals : [...vals, elseValue];
  const t = widerTypeOfAll(all.map(exprType)) ?? NullType;
  const draft: Expr = { kind: "CaseWhen", branches: conds.map((c, i) => [c, vals[i]!] as const), elseValue, dataType: t };
  for (const c of conds) {
    const ct = exprType(c);
    if (ct.kind !== "boolean" && ct.kind !== "null") {
      throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
        sqlExpr: quotedSql(draft),
        paramIndex: "first",
        requiredType: '"BOOLEAN"',
        inputSql: quotedSql(c),
        inputType: quotedType(ct),
      });
    }
  }
  const cast = (v: Expr): Expr => implicitCast(v, t);
  const out: Expr = {
    kind: "CaseWhen",
    branches: conds.map((c, i) => [implicitCast(c, BooleanType), cast(vals[i]!)] as const),
    dataType: t,
  };
  return elseValue === undefined ? out : { ...out, elseValue: cast(elseValue) };
}
