import { createRequire } from "node:module";
import { DOMParser } from "@xmldom/xmldom";
import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { BooleanType, DoubleType, FloatType, IntegerType, LongType, ShortType, StringType, arrayType, type DataType } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { foldedValue } from "./foldable.js";
import { quotedSql, quotedType, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { doc, rowFunction } from "./row-function.js";

// The xpath_* functions (Spark's xml_funcs, its UDFXPathUtil over javax.xml.xpath): XPath 1.0
// over a DOM of the XML text, by the `xpath` and `@xmldom/xmldom` packages. The path must be
// a literal; it is compiled once per expression. Empty XML or path gives null.

/** A document from @xmldom/xmldom, which the xpath package walks. */
type XmlNode = ReturnType<DOMParser["parseFromString"]>;

/** What the xpath package's evaluate functions take. */
interface EvalOptions {
  readonly node: XmlNode;
  readonly allowAnyNamespaceForNoPrefix?: boolean;
}

/** A compiled XPath (the xpath package's parse result). */
interface Evaluator {
  evaluateString(options: EvalOptions): string;
  evaluateBoolean(options: EvalOptions): boolean;
  select(options: EvalOptions): readonly unknown[];
}

// Loaded untyped: the package's .d.ts declares no `parse` and pulls the DOM lib into the build.
const xpath = createRequire(import.meta.url)("xpath") as { parse(expression: string): Evaluator };

/** The compiled path of a call, or null when the path is null or empty. */
function compiled(call: ScalarCall): Evaluator | null {
  const p = foldedValue(call.args[1]!)?.value;
  if (p === null || p === undefined || p === "") return null;
  try {
    return xpath.parse(String(p));
  } catch (e) {
    // Spark's UDFXPathUtil raises a plain RuntimeException (no error class) with the compiler's reason.
    throw new SparkException("SparkRuntimeException", "", {}, { rawMessage: `Invalid XPath '${String(p)}'${e instanceof Error ? e.message : String(e)}`, sqlState: "" });
  }
}

/** The document of one XML value; malformed XML raises Spark's RuntimeException for it. */
function parseXml(xml: string, path: string): XmlNode {
  let problem: string | null = null;
  const parser = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== "warning" && problem === null) problem = message;
    },
  });
  const dom = parser.parseFromString(xml, "text/xml");
  if (problem !== null || dom.documentElement === null) {
    throw new SparkException("SparkRuntimeException", "", {}, { rawMessage: `Error loading expression '${path}'`, sqlState: "" });
  }
  return dom;
}

/** Java's narrowing of a double to an int (saturating, NaN as 0). */
function toJavaInt(x: number): number {
  if (Number.isNaN(x)) return 0;
  return x >= 2147483647 ? 2147483647 : x <= -2147483648 ? -2147483648 : Math.trunc(x);
}

/** Java's double → long (saturating, NaN as 0), as a number when it is safe. */
function toJavaLong(x: number): number | bigint {
  if (Number.isNaN(x)) return 0;
  if (x >= 9223372036854775807) return 9223372036854775807n;
  if (x <= -9223372036854775808) return -9223372036854775808n;
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

/** One xpath function: what it evaluates the path to, and its result type. */
function xpathFunction(name: string, result: DataType, evaluate: (e: Evaluator, doc: XmlNode) => unknown, description: string): ScalarFunctionDef {
  const inner = rowFunction<Evaluator | null>({
    name,
    doc: doc(`${name}(xml, xpath)`, description),
    params: ["string", "string"],
    result,
    mayReturnNull: true,
    prepare: (call) => compiled(call),
    row: ([xml, path], e) => (e === null || xml === "" ? null : evaluate(e, parseXml(xml as string, path as string))),
  });
  return {
    ...inner,
    resolve(n, given) {
      // Spark's XPath functions take strings as they are (no implicit cast).
      given.forEach((a, i) => {
        const k = exprType(a).kind;
        if (k !== "string" && k !== "null") throw unexpectedInputType(scalarCall(name, given, result, true), i, a, '"STRING"');
      });
      const call = inner.resolve(n, given);
      if (call.kind !== "ScalarCall") return call;
      const path = call.args[1]!;
      if (foldedValue(path) === null) {
        throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(call), inputName: "`path`", inputType: quotedType(exprType(path)), inputExpr: quotedSql(path) });
      }
      return call;
    },
  };
}

const XPATH_NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/**
 * The path's value as XPath 1.0's number(): a string value converts only in plain decimal
 * notation (no exponent), anything else, an empty node-set included, is NaN. The package
 * converts through JS's Number, which reads "" as 0 and "1e30" as 1e30, so the string form
 * is converted here.
 */
function number(e: Evaluator, d: XmlNode): number {
  const s = e.evaluateString(options(d));
  if (s === "NaN") return NaN;
  if (s === "Infinity") return Infinity;
  if (s === "-Infinity") return -Infinity;
  return XPATH_NUMBER.test(s) ? Number(s) : NaN;
}

/**
 * Evaluation options: Spark's DocumentBuilder is not namespace-aware, so a name without a
 * prefix matches elements in any namespace.
 */
function options(d: XmlNode): { readonly node: XmlNode; readonly allowAnyNamespaceForNoPrefix: true } {
  return { node: d, allowAnyNamespaceForNoPrefix: true };
}

/** A node's value as Java's Node.getNodeValue gives it: text and attribute values, null for elements. */
function nodeValue(n: unknown): string | null {
  const node = n as { nodeType?: number; nodeValue?: string | null };
  return node.nodeType === 1 || node.nodeType === 9 ? null : (node.nodeValue ?? null);
}

/** Registry entries for the XPath functions. */
export const XPATH_FUNCTIONS: readonly ScalarFunctionDef[] = [
  xpathFunction("xpath", arrayType(StringType, true), (e, d) => e.select(options(d)).map(nodeValue), "Returns the values of the nodes the XPath selects (text and attribute values; null for elements)."),
  xpathFunction("xpath_string", StringType, (e, d) => e.evaluateString(options(d)), "Returns the string value of the first node the XPath selects (empty when none)."),
  xpathFunction("xpath_boolean", BooleanType, (e, d) => e.evaluateBoolean(options(d)), "Returns true if the XPath evaluates to true or selects a node."),
  xpathFunction("xpath_double", DoubleType, number, "Returns the XPath's value as a double (NaN when it is not a number)."),
  xpathFunction("xpath_number", DoubleType, number, "Returns the XPath's value as a double (NaN when it is not a number)."),
  xpathFunction("xpath_float", FloatType, (e, d) => Math.fround(number(e, d)), "Returns the XPath's value as a float."),
  xpathFunction("xpath_int", IntegerType, (e, d) => toJavaInt(number(e, d)), "Returns the XPath's value as an int (0 when it is not a number)."),
  xpathFunction("xpath_short", ShortType, (e, d) => (toJavaInt(number(e, d)) << 16) >> 16, "Returns the XPath's value as a smallint (Java's narrowing)."),
  xpathFunction("xpath_long", LongType, (e, d) => toJavaLong(number(e, d)), "Returns the XPath's value as a bigint (0 when it is not a number)."),
];
