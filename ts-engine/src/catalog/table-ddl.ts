import type { DataType, StructField, StructType } from "../types/data-type.js";
import { sqlTypeName } from "../types/type-names.js";

/** Spark's QuotingUtils.quoteIfNeeded: a name of letters, digits and `_` (not all digits) stays bare. */
export function quoteIfNeeded(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) && !/^\d+$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}

/** A type's SQL text as Spark's DataType.sql gives it, with nested field names quoted when needed. */
export function ddlType(t: DataType): string {
  switch (t.kind) {
    case "array":
      return `ARRAY<${ddlType(t.elementType)}>`;
    case "map":
      return `MAP<${ddlType(t.keyType)}, ${ddlType(t.valueType)}>`;
    case "struct":
      return `STRUCT<${t.fields.map((f) => `${quoteIfNeeded(f.name)}: ${ddlType(f.dataType)}`).join(", ")}>`;
    default:
      return sqlTypeName(t);
  }
}

/** One column as Spark's StructField.toDDL: `name TYPE [NOT NULL] [COMMENT '…']`. */
export function columnDDL(f: StructField, comment?: string): string {
  const c = comment === undefined ? "" : ` COMMENT '${comment.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return `${quoteIfNeeded(f.name)} ${ddlType(f.dataType)}${f.nullable ? "" : " NOT NULL"}${c}`;
}

/** Spark's StructType.toDDL joined with `, `: what the metadata file keeps, parsed back by parseDDL. */
export function schemaDDL(s: StructType): string {
  return s.fields.map((f) => columnDDL(f)).join(", ");
}
