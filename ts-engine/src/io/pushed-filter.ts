import { assertNever } from "../errors/assert-never.js";

/** The comparison filters Spark's data source API has (org.apache.spark.sql.sources). */
export type ComparisonKind = "EqualTo" | "EqualNullSafe" | "GreaterThan" | "GreaterThanOrEqual" | "LessThan" | "LessThanOrEqual";

/**
 * A simple predicate a scan is told about (Spark's sources.Filter): a column compared with
 * literals, IS [NOT] NULL, IN, string prefix/suffix/containment, combined with AND / OR / NOT.
 * `column` is a top-level data column's name; values follow the vector convention of the
 * column's type (io/translate-filter.ts builds them from the query's resolved predicates).
 * A format may use them to skip data (Parquet row groups); rows it returns are filtered again.
 */
export type PushedFilter =
  | { readonly kind: ComparisonKind; readonly column: string; readonly value: unknown; readonly shown: string }
  | { readonly kind: "In"; readonly column: string; readonly values: readonly unknown[]; readonly shown: readonly string[] }
  | { readonly kind: "IsNull" | "IsNotNull"; readonly column: string }
  | { readonly kind: "StringStartsWith" | "StringEndsWith" | "StringContains"; readonly column: string; readonly value: string }
  | { readonly kind: "And" | "Or"; readonly left: PushedFilter; readonly right: PushedFilter }
  | { readonly kind: "Not"; readonly child: PushedFilter };

/** A filter as explain's `PushedFilters: [...]` prints it (Spark's case-class toString: `GreaterThan(a,1)`). */
export function pushedFilterString(f: PushedFilter): string {
  switch (f.kind) {
    case "EqualTo":
    case "EqualNullSafe":
    case "GreaterThan":
    case "GreaterThanOrEqual":
    case "LessThan":
    case "LessThanOrEqual":
      return `${f.kind}(${f.column},${f.shown})`;
    case "In":
      return `In(${f.column}, [${f.shown.join(",")}])`;
    case "IsNull":
    case "IsNotNull":
      return `${f.kind}(${f.column})`;
    case "StringStartsWith":
    case "StringEndsWith":
    case "StringContains":
      return `${f.kind}(${f.column},${f.value})`;
    case "And":
    case "Or":
      return `${f.kind}(${pushedFilterString(f.left)},${pushedFilterString(f.right)})`;
    case "Not":
      return `Not(${pushedFilterString(f.child)})`;
    default:
      return assertNever(f);
  }
}

/** The columns a filter reads. */
export function pushedFilterColumns(f: PushedFilter, out: Set<string> = new Set()): Set<string> {
  switch (f.kind) {
    case "And":
    case "Or":
      pushedFilterColumns(f.left, out);
      return pushedFilterColumns(f.right, out);
    case "Not":
      return pushedFilterColumns(f.child, out);
    default:
      out.add(f.column);
      return out;
  }
}
