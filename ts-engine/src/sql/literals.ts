import {
  ByteType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  ShortType,
  decimalType,
} from "../types/data-type.js";
import type { Literal } from "../expr/expr.js";
import { syntaxError, type Token } from "./lexer.js";

function longValue(text: string, tok: Token): number | bigint {
  const b = BigInt(text);
  if (b > 2n ** 63n - 1n || b < -(2n ** 63n)) throw syntaxError(tok);
  return b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER) ? b : Number(b);
}

function decimalLiteral(text: string): Literal {
  const [rawInt = "", frac = ""] = text.split(".");
  const intPart = rawInt.replace(/^0+/, "");
  const digits = (intPart + frac).replace(/^0+/, "");
  const scale = frac.length;
  const precision = Math.max(digits.length, scale, 1);
  const value = `${intPart === "" ? "0" : intPart}${scale > 0 ? `.${frac}` : ""}`;
  return { kind: "Literal", value, dataType: decimalType(precision, scale) };
}

/**
 * A numeric literal typed as Spark types it: `1` int, `10000000000` bigint, `1.5` decimal(2,1),
 * `1e3` double, and the suffixes `L` `S` `Y` `D` `F` `BD`.
 */
export function numericLiteral(tok: Token): Literal {
  const m = /^(.*?)(BD|[LSYDF])?$/i.exec(tok.text)!;
  const body = m[1]!;
  const suffix = (m[2] ?? "").toUpperCase();
  const isInt = /^\d+$/.test(body);
  switch (suffix) {
    case "L":
      if (!isInt) throw syntaxError(tok);
      return { kind: "Literal", value: longValue(body, tok), dataType: LongType };
    case "S":
    case "Y": {
      if (!isInt) throw syntaxError(tok);
      return { kind: "Literal", value: Number(body), dataType: suffix === "S" ? ShortType : ByteType };
    }
    case "D":
      return { kind: "Literal", value: Number(body), dataType: DoubleType };
    case "F":
      return { kind: "Literal", value: Math.fround(Number(body)), dataType: FloatType };
    case "BD":
      return decimalLiteral(body);
    default:
      break;
  }
  if (/[eE]/.test(body)) return { kind: "Literal", value: Number(body), dataType: DoubleType };
  if (!isInt) return decimalLiteral(body);
  const n = Number(body);
  if (n <= 2147483647) return { kind: "Literal", value: n, dataType: IntegerType };
  if (BigInt(body) <= 2n ** 63n - 1n) return { kind: "Literal", value: longValue(body, tok), dataType: LongType };
  return decimalLiteral(body);
}
