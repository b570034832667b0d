import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { AnalysisException } from "../../errors/spark-exception.js";
import { LongType, StringType, type DataType } from "../../types/data-type.js";
import { normalizeLongs } from "../eval/vectors.js";
import { exprType } from "../expr-type.js";
import { sparkXxhash64 } from "../kernels/spark-xxhash64.js";
import { doc, quotedSql, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { rowFunction } from "./row-function.js";

// Digests of binary values (strings hash as their UTF-8 bytes, as Spark casts them to binary):
// md5, sha1, sha2, crc32 through node:crypto / node:zlib, and xxhash64 (kernels/xxhash64.ts).

function hex(algorithm: string, b: Uint8Array): string {
  return createHash(algorithm).update(b).digest("hex");
}

const SHA2: Readonly<Record<number, string>> = { 0: "sha256", 224: "sha224", 256: "sha256", 384: "sha384", 512: "sha512" };

/** True when `t` holds a variant anywhere (HASH_VARIANT_TYPE, as Spark's hash functions). */
function containsVariant(t: DataType): boolean {
  return t.kind === "variant" || (t.kind === "array" && containsVariant(t.elementType)) || (t.kind === "map" && (containsVariant(t.keyType) || containsVariant(t.valueType))) || (t.kind === "struct" && t.fields.some((f) => containsVariant(f.dataType)));
}

function containsMap(t: DataType): boolean {
  return t.kind === "map" || (t.kind === "array" && containsMap(t.elementType)) || (t.kind === "struct" && t.fields.some((f) => containsMap(f.dataType)));
}

/** xxhash64(c1, …): Spark's XXH64 with seed 42 over the columns in turn, never null. */
const XXHASH64: ScalarFunctionDef = {
  kind: "scalar",
  name: "xxhash64",
  doc: doc("xxhash64(expr1, expr2, ...)", "Returns a 64-bit hash of the arguments: xxHash64 with seed 42, as Spark, never null."),
  resolve(_n, args) {
    if (args.length === 0) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
        functionName: "`xxhash64`",
        expectedNum: "> 0",
        actualNum: "0",
        docroot: "https://spark.apache.org/docs/latest",
      });
    }
    const call = scalarCall("xxhash64", args, LongType, false);
    if (args.some((a) => containsMap(exprType(a)))) {
      throw new AnalysisException("DATATYPE_MISMATCH.HASH_MAP_TYPE", { sqlExpr: quotedSql(call), functionName: "`xxhash64`" });
    }
    if (args.some((a) => containsVariant(exprType(a)))) {
      throw new AnalysisException("DATATYPE_MISMATCH.HASH_VARIANT_TYPE", { sqlExpr: quotedSql(call), functionName: "`xxhash64`" });
    }
    return call;
  },
  eval(args, _call, _ctx, numRows) {
    const n = args[0]?.length ?? numRows;
    return normalizeLongs(LongType, sparkXxhash64(args, n), null);
  },
};

/** Registry entries for digests and xxhash64. */
export const HASH_DIGEST_FUNCTIONS: readonly ScalarFunctionDef[] = [
  rowFunction({
    name: "md5",
    doc: doc("md5(expr)", "Returns the MD5 digest of the binary `expr` as 32 hex digits."),
    params: ["binary"],
    result: StringType,
    row: ([b]) => hex("md5", b as Uint8Array),
  }),
  rowFunction({
    name: "sha1",
    doc: doc("sha1(expr)", "Returns the SHA-1 digest of the binary `expr` as 40 hex digits."),
    params: ["binary"],
    result: StringType,
    row: ([b]) => hex("sha1", b as Uint8Array),
  }),
  rowFunction({
    name: "sha",
    doc: doc("sha(expr)", "Returns the SHA-1 digest of the binary `expr` as 40 hex digits (same as sha1)."),
    params: ["binary"],
    result: StringType,
    row: ([b]) => hex("sha1", b as Uint8Array),
  }),
  rowFunction({
    name: "sha2",
    doc: doc("sha2(expr, bitLength)", "Returns the SHA-2 digest (224, 256, 384 or 512 bits; 0 means 256) of the binary `expr` in hex; null for other bit lengths."),
    params: ["binary", "int"],
    result: StringType,
    mayReturnNull: true,
    row: ([b, bits]) => {
      const alg = SHA2[bits as number];
      return alg === undefined ? null : hex(alg, b as Uint8Array);
    },
  }),
  rowFunction({
    name: "crc32",
    doc: doc("crc32(expr)", "Returns the CRC-32 checksum of the binary `expr` as a bigint."),
    params: ["binary"],
    result: LongType,
    row: ([b]) => crc32(b as Uint8Array),
  }),
  XXHASH64,
];
