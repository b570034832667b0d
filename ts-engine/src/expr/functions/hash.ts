import { makeVector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { IntegerType, type DataType } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import { SPARK_HASH_SEED } from "../kernels/murmur3.js";
import { sparkHash } from "../kernels/spark-hash.js";
import { doc, quotedSql, scalarCall, type ScalarFunctionDef } from "./function-def.js";

/** True when `t` holds a variant anywhere (Spark's hash functions reject them: HASH_VARIANT_TYPE). */
function containsVariant(t: DataType): boolean {
  return t.kind === "variant" || (t.kind === "array" && containsVariant(t.elementType)) || (t.kind === "map" && (containsVariant(t.keyType) || containsVariant(t.valueType))) || (t.kind === "struct" && t.fields.some((f) => containsVariant(f.dataType)));
}

function containsMap(t: DataType): boolean {
  switch (t.kind) {
    case "map":
      return true;
    case "array":
      return containsMap(t.elementType);
    case "struct":
      return t.fields.some((f) => containsMap(f.dataType));
    default:
      return false;
  }
}

/** hash(c1, …): Spark's Murmur3 x86_32 hash with seed 42, never null; maps are rejected as in Spark. */
const HASH: ScalarFunctionDef = {
  kind: "scalar",
  name: "hash",
  doc: doc("hash(expr1, expr2, ...)", "Returns a hash value of the arguments: Murmur3 x86_32 with seed 42, as Spark, never null."),
  resolve(_n, args) {
    if (args.length === 0) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
        functionName: "`hash`",
        expectedNum: "> 0",
        actualNum: "0",
        docroot: "https://spark.apache.org/docs/latest",
      });
    }
    const call = scalarCall("hash", args, IntegerType, false);
    if (args.some((a) => containsMap(exprType(a)))) {
      throw new AnalysisException("DATATYPE_MISMATCH.HASH_MAP_TYPE", { sqlExpr: quotedSql(call), functionName: "`hash`" });
    }
    if (args.some((a) => containsVariant(exprType(a)))) {
      throw new AnalysisException("DATATYPE_MISMATCH.HASH_VARIANT_TYPE", { sqlExpr: quotedSql(call), functionName: "`hash`" });
    }
    return call;
  },
  eval(args, _call, _ctx) {
    const n = args[0]?.length ?? 0;
    return makeVector(IntegerType, sparkHash(args, n, SPARK_HASH_SEED), null, n);
  },
};

/** Registry entries for hash functions. */
export const HASH_FUNCTIONS: readonly ScalarFunctionDef[] = [HASH];
