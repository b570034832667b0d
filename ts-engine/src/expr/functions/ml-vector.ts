import { makeVector, numbersOf, type Vector } from "../../columnar/vector.js";
import { IllegalArgumentException, SparkException } from "../../errors/spark-exception.js";
import { isVectorType, VectorUDTType } from "../../ml/linalg/vector-type.js";
import { densify, denseRow, vectorFromRow, vectorSize, type VectorRow } from "../../ml/linalg/vector-value.js";
import { simpleString } from "../../types/type-names.js";
import { doubleToString } from "../eval/java-number-string.js";
import { exprToString } from "../expr-string.js";
import { arrayType, DoubleType, FloatType, isNumeric } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import { checkArity, doc, implicitCast, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";

/**
 * `vector_to_array(col, dtype)`: pyspark.ml.functions' conversion of a vector column to
 * array<double> (or array<float> for dtype "float32"); the dtype travels as a string literal.
 */
const NULL_VECTOR_MESSAGE =
  "function vector_to_array requires a non-null input argument and input type must be " +
  "`org.apache.spark.ml.linalg.Vector` or `org.apache.spark.mllib.linalg.Vector`, but got null.";

const VECTOR_TO_ARRAY: ScalarFunctionDef = {
  kind: "scalar",
  name: "vector_to_array",
  doc: doc("vector_to_array(col, dtype)", "Converts a column of MLlib vectors into a column of dense arrays."),
  resolve(name, args) {
    checkArity(name, args, 2);
    const a = args[0]!;
    const t = exprType(a);
    if (!isVectorType(t)) throw unexpectedInputType(scalarCall(name, args, t, true), 0, a, '"VECTOR"');
    const d = args[1]!;
    const dtype = d.kind === "Literal" ? d.value : undefined;
    if (dtype !== "float64" && dtype !== "float32") {
      throw new IllegalArgumentException(`Unsupported dtype: ${String(dtype)}. Valid values: float64, float32.`);
    }
    // a Scala UDF with a primitive-free result: Spark marks it non-nullable (a null input raises)
    return scalarCall(name, args, arrayType(dtype === "float32" ? FloatType : DoubleType, false), false);
  },
  eval([v], call, _ctx, n) {
    const rows = v!.data as readonly (readonly unknown[] | null)[];
    const f32 = call.dataType.kind === "array" && call.dataType.elementType.kind === "float";
    const out: number[][] = new Array<number[]>(n);
    for (let i = 0; i < n; i++) {
      const r = v!.validity !== null && v!.validity[i] === 0 ? null : rows[i];
      // Spark's vector_to_array UDF rejects a null vector rather than passing it through
      if (r === null || r === undefined) throw new IllegalArgumentException(NULL_VECTOR_MESSAGE);
      out[i] = Array.from(densify(vectorFromRow(r)), f32 ? Math.fround : (x) => x);
    }
    return makeVector(call.dataType, out, null, n);
  },
};

/** `array_to_vector(col)`: pyspark.ml.functions' conversion of a numeric array column to dense vectors. */
const ARRAY_TO_VECTOR: ScalarFunctionDef = {
  kind: "scalar",
  name: "array_to_vector",
  doc: doc("array_to_vector(col)", "Converts a column of arrays of numeric type into a column of dense vectors."),
  resolve(name, args) {
    checkArity(name, args, 1);
    const a = args[0]!;
    const t = exprType(a);
    if (t.kind !== "array" || !isNumeric(t.elementType)) throw unexpectedInputType(scalarCall(name, args, t, true), 0, a, '"ARRAY<DOUBLE>"');
    return scalarCall(name, args, VectorUDTType, true);
  },
  eval([v], call, _ctx, n) {
    const rows = v!.data as readonly (readonly (number | bigint | null)[] | null)[];
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const r = v!.validity !== null && v!.validity[i] === 0 ? null : rows[i];
      if (r === null || r === undefined) {
        out[i] = null;
        continue;
      }
      if (r.some((x) => x === null)) throw new IllegalArgumentException("array_to_vector: the array holds a null element");
      out[i] = denseRow(r.map(Number));
    }
    return makeVector(call.dataType, out, v!.validity, n);
  },
};

/** pyspark.ml.functions' vector conversions. */
export const ML_VECTOR_FUNCTIONS: readonly ScalarFunctionDef[] = [VECTOR_TO_ARRAY, ARRAY_TO_VECTOR];


const INVALID_MODES = ["error", "skip", "keep"];

/**
 * `vector_assemble(handleInvalid, cols…)`: VectorAssembler's kernel. Numeric columns add one
 * entry, vector columns their entries; the result is dense or sparse as Spark's
 * Vectors.dense(...).compressed picks (sparse when that takes less space). A null or NaN
 * raises (handleInvalid "error"), or becomes NaN ("keep"); "skip" is a filter the client adds.
 */
const VECTOR_ASSEMBLE: ScalarFunctionDef = {
  kind: "scalar",
  name: "vector_assemble",
  doc: doc("vector_assemble(handleInvalid, cols...)", "Assembles numeric and vector columns into one vector (pyspark.ml VectorAssembler)."),
  resolve(name, args) {
    if (args.length < 2) checkArity(name, args, 2);
    const mode = args[0]!.kind === "Literal" ? args[0]!.value : undefined;
    if (typeof mode !== "string" || !INVALID_MODES.includes(mode)) throw new IllegalArgumentException(`handleInvalid must be one of ${INVALID_MODES.join(", ")}`);
    const cols = args.slice(1).map((a) => {
      const t = exprType(a);
      if (isVectorType(t)) return a;
      if (isNumeric(t) || t.kind === "boolean") return implicitCast(a, DoubleType);
      throw new IllegalArgumentException(`Data type ${simpleString(t).toUpperCase()} of column ${exprToString(a)} is not supported.`);
    });
    return scalarCall(name, [args[0]!, ...cols], VectorUDTType, true);
  },
  eval(args, call, _ctx, n) {
    const keep = call.args[0]!.kind === "Literal" && call.args[0]!.value === "keep";
    const cols = args.slice(1);
    const kinds = call.args.slice(1).map((a) => isVectorType(exprType(a)));
    const out: unknown[] = new Array<unknown>(n);
    const idx: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < n; i++) {
      idx.length = 0;
      vals.length = 0;
      let size = 0;
      for (let c = 0; c < cols.length; c++) {
        const v = cols[c]!;
        const isNull = v.validity !== null && v.validity[i] === 0;
        if (kinds[c]) {
          if (isNull) throw new SparkException("SparkException", "", { message: ASSEMBLE_NULL_VECTOR }, { rawMessage: ASSEMBLE_NULL_VECTOR, sqlState: "" });
          const x = vectorFromRow((v.data as readonly (readonly unknown[])[])[i]!);
          const d = x.values;
          for (let k = 0; k < d.length; k++) {
            const value = d[k]!;
            if (value !== 0) {
              idx.push(size + (x.kind === "dense" ? k : x.indices[k]!));
              vals.push(value);
            }
          }
          size += x.kind === "dense" ? x.values.length : x.size;
        } else {
          const value = isNull ? NaN : numbersOf(v)[i]!;
          if (Number.isNaN(value) && !keep) throw new SparkException("SparkException", "", { message: ASSEMBLE_INVALID }, { rawMessage: ASSEMBLE_INVALID, sqlState: "" });
          if (value !== 0) {
            idx.push(size);
            vals.push(value);
          }
          size += 1;
        }
      }
      out[i] = compressed(size, idx, vals);
    }
    return makeVector(call.dataType, out, null, n);
  },
};

const ASSEMBLE_INVALID =
  "Encountered NaN while assembling a row with handleInvalid = \"error\". Consider removing NaNs from dataset or using handleInvalid = \"keep\" or \"skip\".";
const ASSEMBLE_NULL_VECTOR =
  "Encountered null while assembling a row with handleInvalid = \"error\". Consider removing nulls from dataset or using handleInvalid = \"keep\" or \"skip\".";

/** Spark's Vector.compressed: sparse when 1.5·(nnz + 1) < size, else dense. */
function compressed(size: number, idx: readonly number[], vals: readonly number[]): VectorRow {
  if (1.5 * (vals.length + 1) < size) return [0, size, idx.slice(), vals.slice()];
  const dense = new Array<number>(size).fill(0);
  for (let k = 0; k < idx.length; k++) dense[idx[k]!] = vals[k]!;
  return denseRow(dense);
}

/** `ml_linear_predict(features, coefficients, intercept)`: βᵀx + b for linear models' transform. */
const ML_LINEAR_PREDICT: ScalarFunctionDef = {
  kind: "scalar",
  name: "ml_linear_predict",
  doc: doc("ml_linear_predict(features, coefficients, intercept)", "A linear model's prediction (pyspark.ml LinearRegressionModel)."),
  resolve(name, args) {
    checkArity(name, args, 3);
    const f = args[0]!;
    if (!isVectorType(exprType(f))) throw unexpectedInputType(scalarCall(name, args, exprType(f), true), 0, f, '"VECTOR"');
    return scalarCall(name, [f, implicitCast(args[1]!, arrayType(DoubleType, false)), implicitCast(args[2]!, DoubleType)], DoubleType, true);
  },
  eval([fv, cv, bv], _call, _ctx, n) {
    const rows = fv!.data as readonly (readonly unknown[] | null)[];
    const coefs = (cv!.data as readonly (readonly number[])[])[0]!;
    const b = numbersOf(bv!)[0]!;
    const out = new Float64Array(n);
    const validity = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (fv!.validity !== null && fv!.validity[i] === 0) continue;
      const x = vectorFromRow(rows[i]!);
      if (vectorSize(x) !== coefs.length) throw new IllegalArgumentException(`requirement failed: BLAS.dot(x: Vector, y:Vector) was given Vectors with non-matching sizes: x.size = ${vectorSize(x)}, y.size = ${coefs.length}`);
      let s = b;
      if (x.kind === "dense") for (let k = 0; k < coefs.length; k++) s += x.values[k]! * coefs[k]!;
      else for (let k = 0; k < x.indices.length; k++) s += x.values[k]! * coefs[x.indices[k]!]!;
      out[i] = s;
      validity[i] = 1;
    }
    return makeVector(DoubleType, out, validity, n);
  },
};

/**
 * `ml_affine(features, shift, scale, offset, keepSparse)`: y_j = (x_j - shift_j)·scale_j + offset_j,
 * the scalers' transform (StandardScaler, MinMaxScaler). With keepSparse (no shift, no offset)
 * a sparse vector stays sparse, as Spark's StandardScaler without centring keeps it;
 * MinMaxScaler's output is always dense.
 */
const ML_AFFINE: ScalarFunctionDef = {
  kind: "scalar",
  name: "ml_affine",
  doc: doc("ml_affine(features, shift, scale, offset, keepSparse)", "An element-wise affine map of vectors (pyspark.ml scalers)."),
  resolve(name, args) {
    checkArity(name, args, 5);
    const f = args[0]!;
    if (!isVectorType(exprType(f))) throw unexpectedInputType(scalarCall(name, args, exprType(f), true), 0, f, '"VECTOR"');
    const arr = arrayType(DoubleType, false);
    return scalarCall(name, [f, implicitCast(args[1]!, arr), implicitCast(args[2]!, arr), implicitCast(args[3]!, arr), args[4]!], VectorUDTType, true);
  },
  eval([fv, sv, kv, ov], call, _ctx, n) {
    const rows = fv!.data as readonly (readonly unknown[] | null)[];
    const first = (v: Vector): readonly number[] => (v.data as readonly (readonly number[])[])[0]!;
    const shift = first(sv!);
    const scale = first(kv!);
    const offset = first(ov!);
    const linear = call.args[4]!.kind === "Literal" && call.args[4]!.value === true && shift.every((x) => x === 0) && offset.every((x) => x === 0);
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      if (fv!.validity !== null && fv!.validity[i] === 0) {
        out[i] = null;
        continue;
      }
      const x = vectorFromRow(rows[i]!);
      if (vectorSize(x) !== scale.length) throw new IllegalArgumentException(`requirement failed: Number of features must be ${scale.length} but got ${vectorSize(x)}`);
      if (linear && x.kind === "sparse") {
        out[i] = [0, x.size, Array.from(x.indices), Array.from(x.values, (val, k) => val * scale[x.indices[k]!]!)];
        continue;
      }
      const dense = densify(x);
      for (let j = 0; j < dense.length; j++) dense[j] = (dense[j]! - shift[j]!) * scale[j]! + offset[j]!;
      out[i] = denseRow(dense);
    }
    return makeVector(VectorUDTType, out, fv!.validity, n);
  },
};

function literalNumber(e: { readonly kind: string; readonly value?: unknown }): number {
  return e.kind === "Literal" ? Number(e.value) : NaN;
}

/**
 * `ml_one_hot(index, numCategories, dropLast, keepInvalid)`: OneHotEncoderModel's kernel. The
 * vector has numCategories (+1 with keepInvalid) slots, less one with dropLast; an index
 * past the categories is the extra slot (keepInvalid) or raises, and a dropped slot is the
 * all-zero vector, as Spark encodes.
 */
const ML_ONE_HOT: ScalarFunctionDef = {
  kind: "scalar",
  name: "ml_one_hot",
  doc: doc("ml_one_hot(index, numCategories, dropLast, keepInvalid)", "One-hot encodes a category index (pyspark.ml OneHotEncoder)."),
  resolve(name, args) {
    checkArity(name, args, 4);
    return scalarCall(name, [implicitCast(args[0]!, DoubleType), ...args.slice(1)], VectorUDTType, true);
  },
  eval([iv], call, _ctx, n) {
    const numCategories = literalNumber(call.args[1]!);
    const dropLast = call.args[2]!.kind === "Literal" && call.args[2]!.value === true;
    const keep = call.args[3]!.kind === "Literal" && call.args[3]!.value === true;
    const size = numCategories + (keep ? 1 : 0) - (dropLast ? 1 : 0);
    const xs = numbersOf(iv!);
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      if (iv!.validity !== null && iv!.validity[i] === 0) {
        if (!keep) throw new SparkException("SparkException", "", { message: ONE_HOT_NULL }, { rawMessage: ONE_HOT_NULL, sqlState: "" });
        out[i] = numCategories < size ? [0, size, [numCategories], [1]] : [0, size, [], []];
        continue;
      }
      const x = xs[i]!;
      let slot = x;
      if (!(x >= 0 && Number.isInteger(x)) || x >= numCategories) {
        if (!keep) {
          const msg = x >= 0 && Number.isInteger(x) ? `Unseen value: ${doubleToString(x)}. To handle unseen values, set Param handleInvalid to keep.` : `Negative value: ${doubleToString(x)}. Input can't be negative. To handle invalid values, set Param handleInvalid to keep.`;
          throw new SparkException("SparkException", "", { message: msg }, { rawMessage: msg, sqlState: "" });
        }
        slot = numCategories;
      }
      out[i] = slot < size ? [0, size, [slot], [1]] : [0, size, [], []];
    }
    return makeVector(VectorUDTType, out, null, n);
  },
};

const ONE_HOT_NULL = "The input column contains null values. To handle null values, set Param handleInvalid to keep.";

/** The kernels tspark.ml's transforms run as. */
export const ML_STAGE_FUNCTIONS: readonly ScalarFunctionDef[] = [VECTOR_ASSEMBLE, ML_LINEAR_PREDICT, ML_AFFINE, ML_ONE_HOT];
