import { assertNever } from "../errors/assert-never.js";
import type { Expr } from "./expr.js";
import type { ParsedExpr } from "./parsed-expr.js";
import { NullType, type DataType } from "../types/data-type.js";
import { scalaTypeString, simpleString, sqlTypeName } from "../types/type-names.js";
import { literalToString } from "./literal-string.js";
import { frameExplain, frameSql, type WindowFrame } from "./window-frame.js";

/** Operators Spark prints infix, by ScalarCall/UnresolvedFunction name → SQL symbol. */
const INFIX: Readonly<Record<string, string>> = {
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/",
  "%": "%",
  div: "div",
  "==": "=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "<=>": "<=>",
  and: "AND",
  or: "OR",
  "&": "&",
  "|": "|",
  "^": "^",
};

type Style = "pretty" | "explain";

const V = "namedlambdavariable()";
/** Spark's ArraySort.defaultComparator, as its pretty SQL prints it (nulls last, then ascending). */
const DEFAULT_ARRAY_SORT_LAMBDA =
  `lambdafunction((IF(((${V} IS NULL) AND (${V} IS NULL)), 0, (IF((${V} IS NULL), 1, (IF((${V} IS NULL), -1, ` +
  `(IF((${V} < ${V}), -1, (IF((${V} > ${V}), 1, 0)))))))))), ${V}, ${V})`;
/** Functions whose generated column name shows their first argument only. */
const FIRST_ARG_ONLY = new Set(["likeany", "likeall", "notlikeany", "notlikeall", "first", "last", "first_value", "last_value", "from_json", "to_json", "from_csv", "to_csv", "schema_of_json", "schema_of_csv", "from_xml", "to_xml", "schema_of_xml"]);

/** Either form: explain prints the parsed plan too, and error messages quote both. */
type AnyExpr = Expr | ParsedExpr;

/** Spark's quoteIfNeeded: a name that is not a plain identifier in backquotes. */
function quoteIfNeeded(name: string): string {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}

/**
 * The alias the analyzer gives a nested column reference (`st.y` → `get_field(st, y) AS y`),
 * which Spark trims inside expressions (CleanupAliases): it prints as the reference, `st.y`.
 */
function isNestedColumnAlias(x: AnyExpr): boolean {
  if (x.kind !== "Alias" || x.child.kind !== "ScalarCall" || x.child.fn !== "get_field") return false;
  const last = x.child.args[x.child.args.length - 1];
  return last !== undefined && last.kind === "Literal" && last.value === x.name;
}

function call(name: string, args: readonly AnyExpr[], distinct: boolean, s: Style): string {
  // first/last (and first_value/last_value) print only their column, not the ignoreNulls flag
  // (`first(i)`); the JSON/CSV/XML functions only their input, not the schema, mode or options.
  const shown = FIRST_ARG_ONLY.has(name) && s === "pretty" ? args.slice(0, 1) : args;
  // an aliased argument prints as Spark's Alias.sql, `1 AS x` (`struct(1 AS x)`, `array(1 AS z)`)
  const a = shown.map((x) => (s === "pretty" && x.kind === "Alias" && !isNestedColumnAlias(x) ? `${render(x.child, s)} AS ${quoteIfNeeded(x.name)}` : render(x, s)));
  const op = INFIX[name];
  if (op !== undefined && a.length === 2) return `(${a[0]} ${op} ${a[1]})`;
  switch (name) {
    case "not":
      return `(NOT ${a[0]})`;
    // DateAddYMInterval / TimestampAddInterval … print as SQL without parentheses.
    case "datetime_plus_interval":
      return `${a[0]} + ${a[1]}`;
    case "datetime_minus_interval":
      return `${a[0]} - ${a[1]}`;
    case "unary_minus":
      return `(- ${a[0]})`;
    case "unary_plus":
      return `(+ ${a[0]})`;
    case "~":
      return `~${a[0]}`;
    case "trim":
    case "ltrim":
    case "rtrim":
      // Spark's StringTrim* print the SQL syntax when a trim string is given.
      if (a.length === 2) return `TRIM(${name === "trim" ? "BOTH" : name === "ltrim" ? "LEADING" : "TRAILING"} ${a[1]} FROM ${a[0]})`;
      return `${name}(${a.join(", ")})`;
    // Spark's IsNull/IsNotNull: `(x IS NULL)` in names (sql), `isnull(x#1)` in plans (toString)
    case "isnull":
      return s === "explain" ? `isnull(${a[0]})` : `(${a[0]} IS NULL)`;
    case "isnotnull":
      return s === "explain" ? `isnotnull(${a[0]})` : `(${a[0]} IS NOT NULL)`;
    // Spark's In: `(x IN (1, 2))` in names (sql), `x#1 IN (1,2)` in plans (toString)
    case "in":
      return s === "explain" ? `${a[0]} IN (${a.slice(1).join(",")})` : `(${a[0]} IN (${a.slice(1).join(", ")}))`;
    // Spark's Like prints its escape unless it is the default `\`; ILike (replaced by Like) never does
    case "like":
      return a.length === 3 && a[2] !== "\\" ? `${a[0]} LIKE ${a[1]} ESCAPE '${a[2]}'` : `${a[0]} LIKE ${a[1]}`;
    case "ilike":
      return `ilike(${a[0]}, ${a[1]})`;
    case "rlike":
      return `RLIKE(${a[0]}, ${a[1]})`;
    case "extract":
    case "datepart":
      return `${name}(${a[0]} FROM ${a[1]})`;
    case "get_item":
      return `${a[0]}[${a[1]}]`;
    case "get_field":
      return `${a[0]}.${a[a.length - 1]}`;
    // Spark's RankLike: `RANK()` in names (the order keys it takes as arguments are hidden), `rank(v#1)` in plans
    case "rank":
    case "dense_rank":
    case "percent_rank":
      return s === "pretty" ? `${name.toUpperCase()}()` : `${name}(${a.join(", ")})`;
    // Spark's Lag keeps the user's offset in its name and the negated one (its frame offset) in plans
    case "lag":
      return s === "pretty" || a.length !== 3 ? `lag(${a.join(", ")})` : `lag(${a[0]}, ${negatedLiteral(args[1]!)}, ${a[2]})`;
    // Spark's NthValue: `nth_value(x, 2) ignore nulls` in names, the flag as an argument in plans
    case "nth_value":
      if (s === "pretty" && a.length === 3) return `nth_value(${a[0]}, ${a[1]})${isTrueLiteral(args[2]!) ? " ignore nulls" : ""}`;
      return `nth_value(${a.join(", ")})`;
    case "array_sort":
      // Spark resolves array_sort(a) with its default comparator lambda, and names the column after it.
      if (a.length === 1 && s === "pretty") return `array_sort(${a[0]}, ${DEFAULT_ARRAY_SORT_LAMBDA})`;
      return `array_sort(${a.join(", ")})`;
    default:
      // column names say DISTINCT; explain prints Spark's toAggString, lowercase
      return `${name}(${distinct ? (s === "pretty" ? "DISTINCT " : "distinct ") : ""}${a.join(", ")})`;
  }
}

/** A literal integer offset negated, as Spark's Lag shows its frame offset (`lag(x, 1)` plans as `lag(x#1, -1, null)`). */
function negatedLiteral(e: AnyExpr): string {
  if (e.kind === "Literal" && typeof e.value === "number") return String(-e.value);
  return `(- ${render(e, "explain")})`;
}

function isTrueLiteral(e: AnyExpr): boolean {
  return e.kind === "Literal" && e.value === true;
}

/**
 * A resolved mode call keeps a true `deterministic` flag as its second argument; Spark 4.0
 * prints that Mode (reverse = Some(true)) as WITHIN GROUP, and explains Mode with its
 * buffer offsets.
 */
function modeCall(args: readonly Expr[], s: Style): string {
  const x = args[0] === undefined ? "" : render(args[0], s);
  const reverse = args.length === 2;
  if (s === "pretty") return reverse ? `mode() WITHIN GROUP (ORDER BY ${x} DESC)` : `mode(${x})`;
  return `mode(${x}, 0, 0, ${reverse ? "Some(true)" : "None"})`;
}

/** The type of `e` when it is known without resolving names (a parsed tree's literals, casts). */
function knownType(e: AnyExpr): DataType | undefined {
  switch (e.kind) {
    case "Literal":
    case "Cast":
    case "AttributeRef":
    case "ScalarCall":
    case "AggCall":
    case "BoundRef":
      return e.dataType;
    case "CaseWhen":
      return "dataType" in e ? e.dataType : NullType;
    case "Alias":
    case "SortOrder":
      return knownType(e.child);
    case "PythonUDF":
      return e.returnType;
    case "NamedLambdaVariable":
      return e.dataType;
    case "LambdaFunction":
      return knownType(e.body);
    case "WindowExpression":
      return e.fn.kind === "PythonUDF" ? e.fn.returnType : e.fn.dataType;
    case "Window":
      return knownType(e.windowFunction);
    case "UnresolvedAttribute":
    case "UnresolvedStar":
    case "UnresolvedFunction":
    case "ExprString":
    case "UnresolvedNamedLambdaVariable":
    case "SubqueryExpression":
      return undefined;
    case "OuterReference":
      return knownType(e.child);
    default:
      return assertNever(e);
  }
}

function scalaType(t: DataType | undefined): string {
  return t === undefined ? "NullType" : scalaTypeString(t);
}

/** Spark marks bigint attributes with `L` in explain (`x#2L`). */
function aliasSuffix(child: AnyExpr): string {
  return knownType(child)?.kind === "long" ? "L" : "";
}

function attr(name: string, exprId: number, dataType: { kind: string }, s: Style): string {
  return s === "pretty" ? name : `${name}#${exprId}${dataType.kind === "long" ? "L" : ""}`;
}

function render(e: AnyExpr, s: Style): string {
  switch (e.kind) {
    case "UnresolvedAttribute":
      return e.nameParts.join(".");
    case "UnresolvedStar":
      return e.target === undefined ? "*" : `${e.target.join(".")}.*`;
    case "UnresolvedFunction": {
      const text = call(e.name, e.args, e.isDistinct, s);
      return e.filter === undefined ? text : `${text} FILTER (WHERE ${render(e.filter, s)})`;
    }
    case "ExprString":
      return e.sql;
    case "Literal":
      // Spark's Literal.toString (plans) prints a null as `null`; its .sql (column names) as `NULL`
      if (s === "explain" && (e.value === null || e.value === undefined)) return "null";
      // a collated string literal's SQL names its collation: 'x' collate UTF8_LCASE
      if (s === "pretty" && "collation" in e.dataType && typeof e.value === "string") {
        return `'${e.value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}' collate ${e.dataType.collation}`;
      }
      return literalToString(e);
    case "Alias":
      return s === "pretty" ? render(e.child, s) : `${render(e.child, s)} AS ${e.name}#${"exprId" in e ? e.exprId : 0}${aliasSuffix(e.child)}`;
    case "Cast":
      if (s === "pretty") {
        return "implicit" in e && e.implicit === true ? render(e.child, s) : `CAST(${render(e.child, s)} AS ${sqlTypeName(e.dataType)})`;
      }
      return `cast(${render(e.child, s)} as ${simpleString(e.dataType)})`;
    case "CaseWhen": {
      const parts = e.branches.map(([c, v]) => ` WHEN ${render(c, s)} THEN ${render(v, s)}`).join("");
      const els = e.elseValue === undefined ? "" : ` ELSE ${render(e.elseValue, s)}`;
      return `CASE${parts}${els} END`;
    }
    case "SortOrder":
      return `${render(e.child, s)} ${e.ascending ? "ASC" : "DESC"} NULLS ${e.nullsFirst ? "FIRST" : "LAST"}`;
    case "PythonUDF":
      return `${e.name}(${e.args.map((x) => render(x, s)).join(", ")})`;
    case "AttributeRef":
      return attr(e.name, e.exprId, e.dataType, s);
    case "ScalarCall":
      // Spark's PreciseTimestampConversion prints the types it converts between
      if (e.fn === "precisetimestampconversion" && e.args.length === 1) {
        return `precisetimestampconversion(${render(e.args[0]!, s)}, ${scalaType(knownType(e.args[0]!))}, ${scalaTypeString(e.dataType)})`;
      }
      return call(e.fn, e.args, false, s);
    case "AggCall": {
      const text = e.fn === "mode" ? modeCall(e.args, s) : call(e.fn, e.args, e.isDistinct, s);
      return e.filter === undefined ? text : `${text} FILTER (WHERE ${render(e.filter, s)})`;
    }
    case "BoundRef":
      return s === "pretty" ? e.name : `input[${e.ordinal}, ${simpleString(e.dataType)}, ${e.nullable}]`;
    // Spark names lambdas' variables `namedlambdavariable()` in column names and prints them
    // as `lambda x_1#3` in plans; `false` is LambdaFunction's `hidden` flag.
    case "NamedLambdaVariable":
      return s === "pretty" ? "namedlambdavariable()" : `lambda ${e.name}#${e.exprId}${e.dataType.kind === "long" ? "L" : ""}`;
    case "UnresolvedNamedLambdaVariable":
      return s === "pretty" ? "namedlambdavariable()" : `lambda '${e.nameParts.join(".")}`;
    case "LambdaFunction": {
      const parts = [render(e.body, s), ...e.args.map((a: AnyExpr) => render(a, s))];
      return s === "pretty" ? `lambdafunction(${parts.join(", ")})` : `lambdafunction(${parts.join(", ")}, false)`;
    }
    case "WindowExpression":
      return windowText(render(e.fn, s), e.partitionSpec, e.orderSpec, e.frame, s);
    case "Window":
      return windowText(render(e.windowFunction, s), e.partitionSpec, e.orderSpec, e.frame, s);
    // Spark's names: scalarsubquery() / exists(), and an outer column as LazyOuterReference's lazy(x)
    case "SubqueryExpression":
      return e.subqueryType === "scalar" ? "scalarsubquery()" : "exists()";
    case "OuterReference":
      return `lazy(${render(e.child, s)})`;
    default:
      return assertNever(e);
  }
}

/**
 * Spark's WindowExpression: `f windowspecdefinition(k#1, v#2 ASC NULLS FIRST, specifiedwindowframe(...))`
 * in plans, `f OVER (PARTITION BY k ORDER BY v ASC NULLS FIRST ROWS BETWEEN ...)` in names.
 */
function windowText(fn: string, partitionSpec: readonly AnyExpr[], orderSpec: readonly AnyExpr[], frame: WindowFrame | undefined, s: Style): string {
  const parts = partitionSpec.map((x) => render(x, s));
  const orders = orderSpec.map((x) => render(x, s));
  if (s === "explain") {
    return `${fn} windowspecdefinition(${[...parts, ...orders, frame === undefined ? "unspecifiedframe$()" : frameExplain(frame)].join(", ")})`;
  }
  const spec = [
    ...(parts.length === 0 ? [] : [`PARTITION BY ${parts.join(", ")}`]),
    ...(orders.length === 0 ? [] : [`ORDER BY ${orders.join(", ")}`]),
    ...(frame === undefined ? [] : [frameSql(frame)]),
  ];
  return `${fn} OVER (${spec.join(" ")})`;
}

/** Spark-style expression text for explain: `(id#0L + 1) AS x#2L`, `cast(a#1 as string)`. */
export function exprToString(e: AnyExpr): string {
  return render(e, "explain");
}

/**
 * Spark's pretty SQL of an expression (toPrettySQL): the auto-generated column name
 * (`(a + 1)`, `sum(b)`, `count(1)`, `(NOT (s = a))`) and the `sqlExpr` of error messages.
 * Implicit casts added by type coercion are not shown, as in Spark.
 */
export function exprPrettySql(e: AnyExpr): string {
  return render(e, "pretty");
}
