import { makeVector } from "../../columnar/vector.js";
import { IllegalArgumentException } from "../../errors/spark-exception.js";
import { isVectorType, VectorUDTType } from "../../ml/linalg/vector-type.js";
import { densify, denseRow, vectorFromRow } from "../../ml/linalg/vector-value.js";
import { arrayType, DoubleType, FloatType, isNumeric } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import { checkArity, doc, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";

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
