import type { Literal } from "../expr/expr.js";
import {
  BinaryType,
  BooleanType,
  DoubleType,
  IntegerType,
  LongType,
  NullType,
  StringType,
  TimestampType,
} from "../types/data-type.js";
import { PySparkTypeError } from "./errors.js";

/** A JS value that `lit()` (and operator arguments) accept. */
export type LiteralValue = number | bigint | string | boolean | null | undefined | Date | Uint8Array;

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * The literal PySpark's `lit()` builds for a value: integral numbers are IntegerType
 * when they fit 32 bits and LongType otherwise (as Python ints are), other numbers
 * DoubleType, bigint LongType, Date TimestampType (microseconds since the epoch).
 */
export function literalOf(value: LiteralValue): Literal {
  if (value === null || value === undefined) return { kind: "Literal", value: null, dataType: NullType };
  switch (typeof value) {
    case "number":
      if (Number.isInteger(value)) {
        if (value >= INT_MIN && value <= INT_MAX) return { kind: "Literal", value, dataType: IntegerType };
        if (Number.isSafeInteger(value)) return { kind: "Literal", value, dataType: LongType };
      }
      return { kind: "Literal", value, dataType: DoubleType };
    case "bigint":
      return { kind: "Literal", value: normalizeLong(value), dataType: LongType };
    case "string":
      return { kind: "Literal", value, dataType: StringType };
    case "boolean":
      return { kind: "Literal", value, dataType: BooleanType };
    default:
      break;
  }
  if (value instanceof Date) return { kind: "Literal", value: value.getTime() * 1000, dataType: TimestampType };
  if (value instanceof Uint8Array) return { kind: "Literal", value, dataType: BinaryType };
  throw new PySparkTypeError("UNSUPPORTED_LITERAL", { value: String(value), type: typeof value });
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A long in the vector convention: a number within ±2^53, a bigint beyond. */
export function normalizeLong(v: bigint): number | bigint {
  return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v;
}
