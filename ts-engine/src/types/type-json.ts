import { udtOf, withoutUdt, type AtomicType, type DataType, type StructType } from "./data-type.js";
import { intervalTypeString } from "./atomic-names.js";

/**
 * Spark's JSON type form of a type (`DataType.jsonValue()`): what schema replies carry and
 * the Python worker reads (bridge/PROTOCOL.md "Data types"); atomic types are their kind.
 */
export function encodeDataType(t: DataType): unknown {
  const udt = udtOf(t);
  if (udt !== undefined) {
    // PySpark's UserDefinedType.jsonValue: {type:"udt", class?, pyClass, serializedClass?, sqlType}
    return {
      type: "udt",
      ...(udt.scalaClass === undefined ? {} : { class: udt.scalaClass }),
      pyClass: udt.pyClass,
      ...(udt.serializedClass === undefined ? {} : { serializedClass: udt.serializedClass }),
      sqlType: encodeDataType(withoutUdt(t)),
    };
  }
  switch (t.kind) {
    case "decimal":
      return `decimal(${t.precision},${t.scale})`;
    case "day_time_interval":
    case "year_month_interval":
      return intervalTypeString(t);
    case "array":
      return { type: "array", elementType: encodeDataType(t.elementType), containsNull: t.containsNull };
    case "map":
      return {
        type: "map",
        keyType: encodeDataType(t.keyType),
        valueType: encodeDataType(t.valueType),
        valueContainsNull: t.valueContainsNull,
      };
    case "struct":
      return encodeStructType(t);
    case "string":
      // a collated string's wire form is PySpark's simpleString (`string collate UNICODE_CI`)
      return "collation" in t ? `string collate ${t.collation}` : "string";
    default: {
      // Only atomic types are left (a new parameterised kind fails to compile here).
      const atomicType: AtomicType = t;
      return atomicType.kind;
    }
  }
}

/** `{type:"struct", fields:[{name, type, nullable, metadata:{}}]}`. */
export function encodeStructType(t: StructType): unknown {
  return {
    type: "struct",
    fields: t.fields.map((f) => ({ name: f.name, type: encodeDataType(f.dataType), nullable: f.nullable, metadata: f.metadata ?? {} })),
  };
}
