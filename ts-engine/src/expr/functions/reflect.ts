import { randomUUID } from "node:crypto";
import { AnalysisException } from "../../errors/spark-exception.js";
import { markWithoutPlan } from "../../errors/without-plan.js";
import { StringType, type DataType } from "../../types/data-type.js";
import { doubleToString } from "../eval/to-string.js";
import { exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { foldedValue } from "./foldable.js";
import { quotedSql, quotedType, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { doc, rowFunction } from "./row-function.js";
import { urlDecode, urlEncode } from "./string-codec.js";

// reflect / java_method / try_reflect (Spark's CallMethodViaReflection): a static Java method
// called by class and method name. There is no JVM here, so the methods people call through
// reflect (UUIDs, URL coding, Math, parsing and valueOf) are written out, each overload as
// Spark's reflection would pick it by the arguments' types and its result as Java's
// String.valueOf prints it; any other class is Spark's "class … not found" and any other
// method its "cannot find a static method", at analysis, as Spark reports them.

/** A Java parameter type, as Spark matches a SQL type to it (CallMethodViaReflection.typeMapping). */
type JavaParam = "int" | "long" | "double" | "boolean" | "String";

const SQL_TO_JAVA: Partial<Readonly<Record<DataType["kind"], readonly JavaParam[]>>> = {
  byte: ["int", "long", "double"],
  short: ["int", "long", "double"],
  integer: ["int", "long", "double"],
  long: ["long", "double"],
  float: ["double"],
  double: ["double"],
  boolean: ["boolean"],
  string: ["String"],
  null: ["int", "long", "double", "boolean", "String"],
};

interface StaticMethod {
  readonly params: readonly JavaParam[];
  /** The method's value as String.valueOf gives it; null for a null result. */
  readonly call: (args: readonly unknown[]) => string | null;
}

const javaDouble = (x: unknown): string => doubleToString(Number(x));
const javaLong = (x: unknown): string => String(typeof x === "bigint" ? x : Math.trunc(Number(x)));

/** Java's Math.abs / max / min keep the overload's type; doubles print as Double.toString. */
function numeric(name: "abs" | "max" | "min", arity: 1 | 2): StaticMethod[] {
  const f = (xs: readonly number[]): number => (name === "abs" ? Math.abs(xs[0]!) : name === "max" ? Math.max(...xs) : Math.min(...xs));
  const big = (xs: readonly bigint[]): bigint => (name === "abs" ? (xs[0]! < 0n ? -xs[0]! : xs[0]!) : name === "max" ? (xs[0]! > xs[1]! ? xs[0]! : xs[1]!) : xs[0]! < xs[1]! ? xs[0]! : xs[1]!);
  const n = (t: JavaParam): JavaParam[] => Array.from({ length: arity }, () => t);
  return [
    // Math.abs(Integer.MIN_VALUE) is MIN_VALUE again (two's complement), as in Java.
    { params: n("int"), call: (a) => String(name === "abs" ? Math.abs(Number(a[0])) | 0 : f(a.map(Number))) },
    { params: n("long"), call: (a) => javaLong(BigInt.asIntN(64, big(a.map((x) => BigInt(x as number | bigint))))) },
    { params: n("double"), call: (a) => javaDouble(f(a.map(Number))) },
  ];
}

const METHODS: Readonly<Record<string, Readonly<Record<string, readonly StaticMethod[]>>>> = {
  "java.util.UUID": {
    randomUUID: [{ params: [], call: () => randomUUID() }],
    fromString: [{ params: ["String"], call: (a) => (a[0] as string).toLowerCase() }],
  },
  "java.net.URLDecoder": { decode: [{ params: ["String", "String"], call: (a) => urlDecode(a[0] as string, true) }] },
  "java.net.URLEncoder": { encode: [{ params: ["String", "String"], call: (a) => urlEncode(a[0] as string) }] },
  "java.lang.Math": {
    abs: numeric("abs", 1),
    max: numeric("max", 2),
    min: numeric("min", 2),
    sqrt: [{ params: ["double"], call: (a) => javaDouble(Math.sqrt(Number(a[0]))) }],
    pow: [{ params: ["double", "double"], call: (a) => javaDouble(Math.pow(Number(a[0]), Number(a[1]))) }],
  },
  "java.lang.String": {
    valueOf: <StaticMethod[]>[
      { params: ["int"], call: (a) => String(a[0]) },
      { params: ["long"], call: (a) => javaLong(a[0]) },
      { params: ["double"], call: (a) => javaDouble(a[0]) },
      { params: ["boolean"], call: (a) => String(a[0]) },
      { params: ["String"], call: (a) => (a[0] === null ? "null" : (a[0] as string)) },
    ],
  },
  "java.lang.Integer": { parseInt: [{ params: ["String"], call: (a) => String(parseJavaInt(a[0] as string)) }] },
};

/** Integer.parseInt: an optional sign and decimal digits within int range, else NumberFormatException. */
function parseJavaInt(s: string): number {
  if (!/^[+-]?\d+$/.test(s) || Number(s) > 2147483647 || Number(s) < -2147483648) throw new Error(`For input string: "${s}"`);
  return Number(s);
}

/** The overload Spark's reflection finds for the argument types, by declaration order. */
function findMethod(cls: string, method: string, types: readonly DataType[]): StaticMethod | null {
  const overloads = METHODS[cls]?.[method] ?? [];
  return overloads.find((m) => m.params.length === types.length && m.params.every((p, i) => (SQL_TO_JAVA[types[i]!.kind] ?? []).includes(p))) ?? null;
}

function reflectDef(name: string, tolerant: boolean): ScalarFunctionDef {
  const inner = rowFunction<StaticMethod | null>({
    name,
    doc: doc(
      `${name}(class, method[, arg1[, arg2 ..]])`,
      tolerant
        ? "As reflect, but null when the method throws."
        : "Calls a static Java method by reflection: java.util.UUID randomUUID/fromString, java.net.URLDecoder.decode, java.net.URLEncoder.encode, java.lang.Math abs/max/min/sqrt/pow, String.valueOf, Integer.parseInt (there is no JVM; other classes are 'not found').",
    ),
    params: ["any"],
    minArgs: 2,
    maxArgs: Infinity,
    result: StringType,
    mayReturnNull: true,
    nullSafe: true,
    prepare: (call) => findMethod(String(foldedValue(call.args[0]!)?.value), String(foldedValue(call.args[1]!)?.value), call.args.slice(2).map(exprType)),
    row: (vals, m) => {
      // Spark passes nulls on to the method; these methods do not take them.
      if (m === null || vals.slice(2).some((v) => v === null)) return null;
      try {
        return m.call(vals.slice(2));
      } catch (e) {
        if (tolerant) return null;
        throw e;
      }
    },
  });
  return {
    ...inner,
    nondeterministic: true,
    resolve(n, given) {
      if (given.length < 2) {
        throw markWithoutPlan(
          new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: `\`${name}\``, expectedNum: "> 1", actualNum: String(given.length), docroot: "https://spark.apache.org/docs/latest" }),
        );
      }
      // Errors name the function `reflect`, whichever spelling called it (Spark's prettyName).
      const draft = scalarCall("reflect", given, StringType, true);
      const [cls, method] = given as [Expr, Expr];
      for (const [arg, param] of [
        [cls, "class"],
        [method, "method"],
      ] as const) {
        if (foldedValue(arg) === null || exprType(arg).kind !== "string") {
          throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(draft), inputName: `\`${param}\``, inputType: quotedType(StringType), inputExpr: quotedSql(arg) });
        }
      }
      const className = String(foldedValue(cls)!.value);
      const methodName = String(foldedValue(method)!.value);
      if (METHODS[className] === undefined) throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_CLASS_TYPE", { sqlExpr: quotedSql(draft), className });
      if (findMethod(className, methodName, given.slice(2).map(exprType)) === null) {
        throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_STATIC_METHOD", { sqlExpr: quotedSql(draft), methodName, className });
      }
      return inner.resolve(n, given);
    },
  };
}

/** Registry entries for reflect and its spellings. */
export const REFLECT_FUNCTIONS: readonly ScalarFunctionDef[] = [reflectDef("reflect", false), reflectDef("java_method", false), reflectDef("try_reflect", true)];
