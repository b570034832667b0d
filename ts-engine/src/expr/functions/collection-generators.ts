import { vectorToValues } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { widerTypeOfAll } from "../../types/coercion.js";
import { IntegerType, NullType, isIntegral, type DataType } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import { exprPrettySql } from "../expr-string.js";
import type { Expr, ScalarCall } from "../expr.js";
import { checkArity, doc, scalarCall, type GeneratedField, type GeneratorFunctionDef } from "./function-def.js";
import { typeText, unexpected, valuesVector, type MapEntries } from "./collection-values.js";
import { coerce } from "./collection-values.js";

/**
 * Generators (Spark's generators.scala): each input row becomes zero or more output rows.
 * `generate` expands a whole batch per call into the generated columns plus, for each output
 * row, the input row it came from; GenerateExec joins those back to the input's columns and
 * adds the `_outer` forms' null rows.
 */

const field = (name: string, dataType: DataType, nullable: boolean): GeneratedField => ({ name, dataType, nullable });

/** explode / posexplode over an array or a map (explode_outer / posexplode_outer share them). */
function exploder(name: string, withPos: boolean, outer: boolean): GeneratorFunctionDef {
  return {
    kind: "generator",
    name,
    doc: doc(
      `${name}(expr)`,
      `Returns a row per element of the array (${withPos ? "pos, col" : "col"}) or entry of the map (${withPos ? "pos, key, value" : "key, value"})${outer ? "; a null or empty input gives one row of nulls" : ""}.`,
    ),
    outer,
    planName: withPos ? "posexplode" : "explode",
    parameters: [{ name: "collection" }],
    resolve(_n, args) {
      checkArity(name, args, 1);
      const t = exprType(args[0]!);
      if (t.kind !== "array" && t.kind !== "map") throw unexpected(scalarCall(name, args, NullType, true), 0, args[0]!, '("ARRAY" or "MAP")');
      return scalarCall(name, args, t, exprNullable(args[0]!));
    },
    outputFields(call) {
      const t = exprType(call.args[0]!);
      const pos = withPos ? [field("pos", IntegerType, false)] : [];
      if (t.kind === "map") return [...pos, field("key", t.keyType, false), field("value", t.valueType, t.valueContainsNull)];
      if (t.kind === "array") return [...pos, field("col", t.elementType, t.containsNull)];
      return pos;
    },
    generate([input], call, numRows) {
      const t = exprType(call.args[0]!);
      const rows = vectorToValues(input!);
      const source: number[] = [];
      const posCol: number[] = [];
      const a: unknown[] = [];
      const b: unknown[] = [];
      for (let i = 0; i < numRows; i++) {
        const x = rows[i];
        if (x === null || x === undefined) continue;
        if (t.kind === "map") {
          (x as MapEntries).forEach(([k, v], j) => {
            source.push(i);
            posCol.push(j);
            a.push(k);
            b.push(v);
          });
        } else {
          (x as readonly unknown[]).forEach((e, j) => {
            source.push(i);
            posCol.push(j);
            a.push(e ?? null);
          });
        }
      }
      const fields = this.outputFields(call);
      const cols: Vector[] = [];
      if (withPos) cols.push(valuesVector(IntegerType, posCol));
      cols.push(valuesVector(fields[cols.length]!.dataType, a));
      if (t.kind === "map") cols.push(valuesVector(fields[cols.length]!.dataType, b));
      return { sourceRows: Int32Array.from(source), columns: cols };
    },
  };
}

/** inline / inline_outer: a row per struct of an array of structs, one column per field. */
function inliner(name: string, outer: boolean): GeneratorFunctionDef {
  return {
    kind: "generator",
    name,
    doc: doc(`${name}(expr)`, `Explodes an array of structs into a table, one column per field${outer ? "; a null or empty array gives one row of nulls" : ""}.`),
    outer,
    planName: "inline",
    parameters: [{ name: "input" }],
    resolve(_n, args) {
      checkArity(name, args, 1);
      const t = exprType(args[0]!);
      if (t.kind !== "array" || t.elementType.kind !== "struct") throw unexpected(scalarCall(name, args, NullType, true), 0, args[0]!, '"ARRAY<STRUCT>"');
      return scalarCall(name, args, t, exprNullable(args[0]!));
    },
    outputFields(call) {
      const t = exprType(call.args[0]!);
      if (t.kind !== "array" || t.elementType.kind !== "struct") return [];
      const containsNull = t.containsNull;
      return t.elementType.fields.map((f) => field(f.name, f.dataType, f.nullable || containsNull));
    },
    generate([input], call, numRows) {
      const fields = this.outputFields(call);
      const rows = vectorToValues(input!);
      const source: number[] = [];
      const cols: unknown[][] = fields.map(() => []);
      for (let i = 0; i < numRows; i++) {
        const x = rows[i];
        if (x === null || x === undefined) continue;
        for (const st of x as readonly (readonly unknown[] | null)[]) {
          source.push(i);
          fields.forEach((_f, j) => cols[j]!.push(st === null ? null : (st[j] ?? null)));
        }
      }
      return { sourceRows: Int32Array.from(source), columns: fields.map((f, j) => valuesVector(f.dataType, cols[j]!)) };
    },
  };
}

/** stack(n, v1, …, vk): n rows of ceil(k / n) columns col0, col1 …, filled row by row, padded with nulls. */
const STACK: GeneratorFunctionDef = {
  kind: "generator",
  name: "stack",
  doc: doc("stack(n, expr1, ..., exprk)", "Separates expr1 … exprk into n rows of ceil(k / n) columns, padding with nulls."),
  outer: false,
  planName: "stack",
  resolve(_n, args) {
    checkArity("stack", args, 2, Infinity);
    const n = args[0]!;
    const draft = scalarCall("stack", args, NullType, true);
    if (n.kind !== "Literal" || !isIntegral(n.dataType) || n.value === null || Number(n.value) <= 0) throw unexpected(draft, 0, n, '"INT"');
    const rows = Number(n.value);
    const values = args.slice(1);
    const width = Math.ceil(values.length / rows);
    const cast: Expr[] = [...values];
    for (let j = 0; j < width; j++) {
      const col = values.filter((_v, k) => k % width === j);
      const t = widerTypeOfAll(col.map(exprType));
      if (t === null) {
        throw new AnalysisException("DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES", {
          sqlExpr: `"${exprPrettySql(draft)}"`,
          columnIndex: String(j),
          leftParamIndex: String(j + 1),
          leftType: typeText(exprType(col[0]!)),
          rightParamIndex: String(j + 1 + width),
          rightType: typeText(exprType(col[1]!)),
        });
      }
      values.forEach((v, k) => {
        if (k % width === j) cast[k] = coerce(v, t);
      });
    }
    return scalarCall("stack", [coerce(n, IntegerType), ...cast], NullType, false);
  },
  outputFields(call: ScalarCall) {
    const rows = Number((call.args[0] as { value: unknown }).value);
    const values = call.args.slice(1);
    const width = Math.ceil(values.length / rows);
    return Array.from({ length: width }, (_, j) => {
      const col = values.filter((_v, k) => k % width === j);
      // Spark's Stack declares every column nullable.
      return field(`col${j}`, exprType(col[0]!), true);
    });
  },
  generate(args, call, numRows) {
    const rows = Number((call.args[0] as { value: unknown }).value);
    const fields = this.outputFields(call);
    const width = fields.length;
    const values = args.slice(1).map(vectorToValues);
    const source = new Int32Array(numRows * rows);
    const cols: unknown[][] = fields.map(() => new Array<unknown>(numRows * rows));
    let o = 0;
    for (let i = 0; i < numRows; i++) {
      for (let r = 0; r < rows; r++, o++) {
        source[o] = i;
        for (let j = 0; j < width; j++) cols[j]![o] = values[r * width + j]?.[i] ?? null;
      }
    }
    return { sourceRows: source, columns: fields.map((f, j) => valuesVector(f.dataType, cols[j]!)) };
  },
};

/** Registry entries of the generators. */
export const GENERATOR_FUNCTIONS: readonly GeneratorFunctionDef[] = [
  exploder("explode", false, false),
  exploder("explode_outer", false, true),
  exploder("posexplode", true, false),
  exploder("posexplode_outer", true, true),
  inliner("inline", false),
  inliner("inline_outer", true),
  STACK,
];
