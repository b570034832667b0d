import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import type { GroupingAnalytics, PivotSpec } from "../plan/parsed-plan.js";
import { isNumeric } from "../types/data-type.js";
import { call, Column } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { PySparkValueError } from "./errors.js";
import { col, count as countFn } from "./functions.js";
import { literalOf, type LiteralValue } from "./literal.js";

/**
 * `df.groupBy(...)` (or `cube`, `rollup`, `groupingSets`, then maybe `pivot`): PySpark's
 * GroupedData, turned into an Aggregate by its methods.
 */
export class GroupedData {
  private readonly df: DataFrame;
  private readonly groupExprs: readonly Expr[];
  private readonly analytics: GroupingAnalytics | undefined;
  private readonly pivotSpec: PivotSpec | undefined;

  /** @internal use `df.groupBy(...)`, `df.cube(...)`, `df.rollup(...)` or `df.groupingSets(...)`. */
  constructor(df: DataFrame, groupExprs: readonly Expr[], analytics?: GroupingAnalytics, pivot?: PivotSpec) {
    this.df = df;
    this.groupExprs = groupExprs;
    this.analytics = analytics;
    this.pivotSpec = pivot;
  }

  /**
   * One output column per value of `pivotCol` (and aggregate). Without `values` the engine
   * finds the column's distinct values, sorted, at most spark.sql.pivotMaxValues (then the
   * frame's schema is known once an action ran it: `schema` before that raises).
   */
  pivot(pivotCol: ColumnOrName, values?: readonly (LiteralValue | Column)[]): GroupedData {
    const column = toColumn(pivotCol).expr;
    const spec: PivotSpec = values === undefined ? { column } : { column, values: values.map((v) => (v instanceof Column ? v.expr : literalOf(v))) };
    return new GroupedData(this.df, this.groupExprs, this.analytics, spec);
  }

  /**
   * Aggregates: Columns (`F.sum("x").alias("t")`) or one `{column: function}` object
   * (`{age: "max"}`). The output is the grouping columns, then the aggregates.
   */
  agg(...exprs: (Column | Readonly<Record<string, string>>)[]): DataFrame {
    const aggs = exprs.flatMap((e) => (e instanceof Column ? [e.expr] : Object.entries(e).map(([c, fn]) => dictAgg(c, fn))));
    if (aggs.length === 0) throw new PySparkValueError("CANNOT_BE_EMPTY", { item: "exprs" });
    return this.aggregate(aggs);
  }
  /** Rows per group, in a column named `count`. */
  count(): DataFrame {
    return this.aggregate([{ kind: "Alias", child: countFn("*").expr, name: "count" }]);
  }
  /** Sum of each named column (all numeric columns when none is named). */
  sum(...cols: string[]): DataFrame {
    return this.numeric("sum", cols);
  }
  /** Average of each named column (all numeric columns when none is named). */
  avg(...cols: string[]): DataFrame {
    return this.numeric("avg", cols);
  }
  /** Same as `avg`. */
  mean(...cols: string[]): DataFrame {
    return this.numeric("avg", cols);
  }
  /** Minimum of each named column (all numeric columns when none is named). */
  min(...cols: string[]): DataFrame {
    return this.numeric("min", cols);
  }
  /** Maximum of each named column (all numeric columns when none is named). */
  max(...cols: string[]): DataFrame {
    return this.numeric("max", cols);
  }

  private numeric(fn: string, cols: readonly string[]): DataFrame {
    // No columns: every numeric column, grouping ones included (PySpark 4.0.1 does).
    const numeric = () => this.df.schema.fields.filter((f) => isNumeric(f.dataType)).map((f) => f.name);
    const names = cols.length > 0 ? cols : numeric();
    return this.aggregate(names.map((n) => call(fn, [col(n).expr]).expr));
  }

  private aggregate(aggs: readonly Expr[]): DataFrame {
    return this.df.sparkSession.frame({
      kind: "Aggregate",
      input: this.df.plan,
      groupBy: this.groupExprs,
      aggs,
      ...(this.analytics === undefined ? {} : { groupingAnalytics: this.analytics }),
      ...(this.pivotSpec === undefined ? {} : { pivot: this.pivotSpec }),
    });
  }
}

/** `{col: "fn"}` entries of agg(): `count` of `*` counts rows, as PySpark. */
function dictAgg(c: string, fn: string): Expr {
  const name = fn === "mean" ? "avg" : fn;
  if (c === "*" && name === "count") return call("count", [literalOf(1)]).expr;
  return call(name, [col(c).expr]).expr;
}
