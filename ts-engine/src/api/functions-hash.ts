import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke, invokeWithLiterals } from "./invoke.js";
import { PySparkValueError } from "./errors.js";

// Hash functions (Spark's hash_funcs group), bit-exact with Spark's.

/** Spark's Murmur3 hash of the columns (seed 42), an int. */
export const hash = (...cols: ColumnOrName[]): Column => invoke("hash", ...cols);
/** MD5 digest in hex. */
export const md5 = (c: ColumnOrName): Column => invoke("md5", c);
/** SHA-1 digest in hex. */
export const sha = (c: ColumnOrName): Column => invoke("sha", c);
/** SHA-1 digest in hex. */
export const sha1 = (c: ColumnOrName): Column => invoke("sha1", c);
/** CRC-32 checksum. */
export const crc32 = (c: ColumnOrName): Column => invoke("crc32", c);
/** SHA-2 digest (224, 256, 384, 512; 0 is 256) in hex. */
export function sha2(c: ColumnOrName, numBits: number): Column {
  if (![0, 224, 256, 384, 512].includes(numBits)) {
    throw new PySparkValueError("VALUE_NOT_ALLOWED", { arg_name: "numBits", allowed_values: "[0, 224, 256, 384, 512]" });
  }
  return invokeWithLiterals("sha2", c, numBits);
}
/** Spark's xxHash64 of the columns (seed 42), a bigint. */
export const xxhash64 = (...cols: ColumnOrName[]): Column => invoke("xxhash64", ...cols);
