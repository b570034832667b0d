import { IllegalArgumentException } from "../../errors/spark-exception.js";
import type { AttributeRef } from "../../expr/expr.js";
import { translateJavaRegex } from "../../expr/kernels/java-regex.js";
import { matchName, type Scope } from "./scope.js";

/**
 * `df.colRegex("`pattern`")` (Spark's UnresolvedRegex.expand): the input columns whose whole
 * name matches the Java pattern, case-insensitively unless spark.sql.caseSensitive, and with a
 * qualifier (`t.`pattern``) only the columns of that alias. An invalid pattern raises
 * IllegalArgumentException, as Java's Pattern.compile does.
 */
export function regexColumns(regex: string, target: readonly string[] | undefined, scope: Scope): AttributeRef[] {
  let re: RegExp;
  try {
    const t = translateJavaRegex(scope.caseSensitive ? regex : `(?i)${regex}`, "colRegex");
    re = new RegExp(`^(?:${t.source})$`, t.flags);
  } catch (err) {
    throw new IllegalArgumentException(err instanceof Error ? err.message : String(err));
  }
  const candidates = target === undefined || target.length === 0 ? scope.attrs : scope.attrs.filter((a) => matchName([...target, a.name], [a], scope.caseSensitive).length > 0);
  return candidates.filter((a) => re.test(a.name));
}
