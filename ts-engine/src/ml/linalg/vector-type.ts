import { arrayType, ByteType, DoubleType, IntegerType, structField, structType, udtOf, withUdt, type DataType } from "../../types/data-type.js";
import { VECTOR_UDT_CLASS } from "./vector-value.js";

/** Spark's VectorUDT.sqlType: struct<type:tinyint,size:int,indices:array<int>,values:array<double>>. */
export const VECTOR_SQL_TYPE = structType([
  structField("type", ByteType, false),
  structField("size", IntegerType, true),
  structField("indices", arrayType(IntegerType, false), true),
  structField("values", arrayType(DoubleType, false), true),
]);

/** The VectorUDT column type, named as PySpark's class so collect rebuilds DenseVector/SparseVector. */
export const VectorUDTType: DataType = withUdt(VECTOR_SQL_TYPE, { pyClass: "pyspark.ml.linalg.VectorUDT", scalaClass: VECTOR_UDT_CLASS });

/** True for a VectorUDT column. */
export function isVectorType(t: DataType): boolean {
  return udtOf(t)?.scalaClass === VECTOR_UDT_CLASS;
}
