import { AnalysisException, ParseException } from "../errors/spark-exception.js";
import { withQueryContext } from "../errors/query-context.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { syntaxError } from "./lexer.js";
import { acceptOp, acceptWord, expectOp, expectWord, isOp, type ClauseSource } from "./clause-source.js";

/** RandomSampler.roundingEpsilon: how far past [0, 1] a fraction may round. */
const EPS = 1e-6;

/** A Double as Java prints it in Spark's messages (`10.0`, `1.5`). */
function javaDouble(v: number): string {
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

/** What the clause asks for, before it is checked. */
type Method =
  | { readonly kind: "empty" }
  | { readonly kind: "fraction"; readonly fraction: number }
  | { readonly kind: "rows"; readonly n: number }
  | { readonly kind: "unsupported"; readonly msg: string };

/**
 * After `TABLESAMPLE` (at `start`): `(x PERCENT)`, `(n ROWS)` or `(BUCKET x OUT OF y)`, then an
 * optional `REPEATABLE (seed)`, over `input`, as Spark's withSample: PERCENT and BUCKET are a
 * Sample of that fraction without replacement (seeded by REPEATABLE, else by Spark's
 * `(math.random * 1000).toLong`), ROWS a Limit. Spark's errors carry the clause as their
 * query context: an empty sample (_LEGACY_ERROR_TEMP_0014), sampling by bytes or `BUCKET … ON`
 * (_LEGACY_ERROR_TEMP_0015), a fraction outside [0, 1] (_LEGACY_ERROR_TEMP_0064).
 */
export function parseTableSample(src: ClauseSource, input: ParsedPlan, start: number): ParsedPlan {
  expectOp(src, "(");
  const method = sampleMethod(src);
  expectOp(src, ")");
  let seed: bigint | undefined;
  if (acceptWord(src, "repeatable")) {
    expectOp(src, "(");
    const t = src.next();
    if (t.type !== "number" || !/^\d+$/.test(t.text)) throw syntaxError(t);
    seed = BigInt(t.text);
    expectOp(src, ")");
  }
  const fail = (e: ParseException): ParseException => withQueryContext(e, src.text, start, src.mark() - 1);
  switch (method.kind) {
    case "empty":
      throw fail(new ParseException("_LEGACY_ERROR_TEMP_0014", {}));
    case "unsupported":
      throw fail(new ParseException("_LEGACY_ERROR_TEMP_0015", { msg: method.msg }));
    case "rows":
      return { kind: "Limit", input, n: method.n };
    case "fraction": {
      const f = method.fraction;
      if (!(f >= 0 - EPS && f <= 1 + EPS)) throw fail(new ParseException("_LEGACY_ERROR_TEMP_0064", { msg: `Sampling fraction (${javaDouble(f)}) must be on interval [0, 1]` }));
      return { kind: "Sample", input, lowerBound: 0, upperBound: f, withReplacement: false, seed: seed ?? BigInt(Math.floor(Math.random() * 1000)) };
    }
  }
}

/** Spark's sampleMethod, inside the parentheses. */
function sampleMethod(src: ClauseSource): Method {
  if (isOp(src.peek(), ")")) return { kind: "empty" };
  if (acceptWord(src, "bucket")) {
    const numerator = integer(src);
    expectWord(src, "out");
    expectWord(src, "of");
    const denominator = integer(src);
    if (!acceptWord(src, "on")) return { kind: "fraction", fraction: numerator / denominator };
    src.identifier();
    if (!acceptOp(src, "(")) return { kind: "unsupported", msg: "BUCKET x OUT OF y ON colname" };
    expectOp(src, ")");
    return { kind: "unsupported", msg: "BUCKET x OUT OF y ON function" };
  }
  // `[-] x PERCENT` needs a number literal; anything else is an expression (ROWS, or bytes)
  const negative = acceptOp(src, "-");
  const t = src.peek();
  if (t.type === "number") {
    const m = src.mark();
    src.next();
    if (acceptWord(src, "percent")) return { kind: "fraction", fraction: ((negative ? -1 : 1) * Number(t.text)) / 100 };
    if (negative) throw syntaxError(src.peek());
    src.restore(m);
  } else if (negative) throw syntaxError(t);
  const e = src.expression();
  if (!acceptWord(src, "rows")) return { kind: "unsupported", msg: "byteLengthLiteral" };
  const v = e.kind === "Literal" ? e.value : undefined;
  const n = typeof v === "bigint" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) throw syntaxError(src.peek());
  if (n < 0) throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", { name: "limit", expr: `"${n}"`, v: String(n) });
  return { kind: "rows", n };
}

/** An integer literal token's value. */
function integer(src: ClauseSource): number {
  const t = src.next();
  if (t.type !== "number" || !/^\d+$/.test(t.text)) throw syntaxError(t);
  return Number(t.text);
}
