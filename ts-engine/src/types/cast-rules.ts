import type { DataType } from "./data-type.js";
import { isIntegral, isNumeric, typeEquals } from "./data-type.js";

/**
 * Whether Spark lets a cast through analysis (Cast.canAnsiCast in ANSI mode, Cast.canCast
 * otherwise), and if not, which DATATYPE_MISMATCH form it reports: plain, with the ANSI
 * config to turn off, or with functions to use instead.
 */
export type CastVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly form: "CAST_WITHOUT_SUGGESTION" }
  | { readonly ok: false; readonly form: "CAST_WITH_CONF_SUGGESTION" }
  | { readonly ok: false; readonly form: "CAST_WITH_FUNC_SUGGESTION"; readonly functions: string };

const OK: CastVerdict = { ok: true };
const NO: CastVerdict = { ok: false, form: "CAST_WITHOUT_SUGGESTION" };
const CONF: CastVerdict = { ok: false, form: "CAST_WITH_CONF_SUGGESTION" };
const func = (functions: string): CastVerdict => ({ ok: false, form: "CAST_WITH_FUNC_SUGGESTION", functions });

const isDatetime = (t: DataType): boolean => t.kind === "timestamp" || t.kind === "timestamp_ntz";

/** The verdict for casting `from` to `to` (checked on PySpark 4.0.1 for every atomic pair). */
export function castVerdict(from: DataType, to: DataType, ansi: boolean): CastVerdict {
  if (typeEquals(from, to) || from.kind === "null") return OK;
  // Variants: Spark's VariantGet.checkDataType (out) and castToVariant's types (in).
  if (from.kind === "variant") return variantTarget(to) ? OK : NO;
  if (to.kind === "variant") return variantSource(from) ? OK : NO;
  if (to.kind === "string") return OK;
  if (from.kind === "string") return to.kind === "array" || to.kind === "map" || to.kind === "struct" ? NO : OK;
  switch (to.kind) {
    case "array":
      return from.kind === "array" ? castVerdict(from.elementType, to.elementType, ansi) : NO;
    case "map":
      if (from.kind !== "map") return NO;
      return firstFailure(castVerdict(from.keyType, to.keyType, ansi), castVerdict(from.valueType, to.valueType, ansi));
    case "struct":
      if (from.kind !== "struct" || from.fields.length !== to.fields.length) return NO;
      return firstFailure(...from.fields.map((f, i) => castVerdict(f.dataType, to.fields[i]!.dataType, ansi)));
    default:
      break;
  }
  if (from.kind === "array" || from.kind === "map" || from.kind === "struct") return NO;
  const fromNumeric = isNumeric(from) || from.kind === "boolean";
  if (from.kind === "binary") return to.kind === "binary" ? OK : NO;
  if (from.kind === "day_time_interval" || from.kind === "year_month_interval") {
    // Single-field intervals cast to integral and decimal counts of their unit; same family to each other.
    if (to.kind === from.kind) return OK;
    if ((isIntegral(to) || to.kind === "decimal") && from.startField === from.endField) return OK;
    return NO;
  }
  switch (to.kind) {
    case "boolean":
      if (fromNumeric) return OK;
      return from.kind === "date" || isDatetime(from) ? (ansi ? CONF : OK) : NO;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "decimal":
      if (fromNumeric || isDatetime(from)) return OK;
      return from.kind === "date" ? (ansi ? func("`UNIX_DATE`") : OK) : NO;
    case "binary":
      return isIntegral(from) ? (ansi ? CONF : OK) : NO;
    case "date":
      if (isDatetime(from)) return OK;
      return isNumeric(from) ? (ansi ? func("`DATE_FROM_UNIX_DATE`") : NO) : NO;
    case "timestamp":
    case "timestamp_ntz":
      if (isNumeric(from) || from.kind === "date" || isDatetime(from)) return OK;
      return from.kind === "boolean" ? (ansi ? CONF : OK) : NO;
    case "day_time_interval":
    case "year_month_interval":
      return (isIntegral(from) || from.kind === "decimal") && to.startField === to.endField ? OK : NO;
    default:
      return NO;
  }
}

function firstFailure(...vs: readonly CastVerdict[]): CastVerdict {
  return vs.find((v) => !v.ok) ?? OK;
}

/** A type a variant casts to: atomic types but intervals, arrays and string-keyed maps of them, structs, VARIANT. */
export function variantTarget(t: DataType): boolean {
  switch (t.kind) {
    case "array":
      return variantTarget(t.elementType);
    case "map":
      return t.keyType.kind === "string" && variantTarget(t.valueType);
    case "struct":
      return t.fields.every((f) => variantTarget(f.dataType));
    case "calendar_interval":
    case "day_time_interval":
    case "year_month_interval":
    case "null":
      return false;
    default:
      return true;
  }
}

/** A type CAST(… AS VARIANT) takes (checked on PySpark 4.0.1): atomic types but calendar intervals, and arrays of them; maps and structs go through to_variant_object. */
export function variantSource(t: DataType): boolean {
  switch (t.kind) {
    case "array":
      return variantSource(t.elementType);
    case "map":
    case "struct":
      return false;
    case "calendar_interval":
      return false;
    default:
      return true;
  }
}
