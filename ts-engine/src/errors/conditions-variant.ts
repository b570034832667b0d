/**
 * The error conditions of the VARIANT type and its functions, as in Spark's
 * error-conditions.json; conditions.ts merges them.
 */
export const VARIANT_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "INVALID_VARIANT_CAST": {
    sqlState: "22023",
    template: "The variant value `<value>` cannot be cast into `<dataType>`. Please use `try_variant_get` instead.",
  },
  "INVALID_VARIANT_GET_PATH": {
    sqlState: "22023",
    template:
      "The path `<path>` is not a valid variant extraction path in `<functionName>`.\nA valid path should start with `$` and is followed by zero or more segments like `[123]`, `.name`, `['name']`, or `[\"name\"]`.",
  },
  "MALFORMED_VARIANT": {
    sqlState: "22023",
    template: "Variant binary is malformed. Please check the data source is valid.",
  },
  "UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT": {
    sqlState: "22023",
    template: "Unknown primitive type with id <id> was found in a variant value.",
  },
  "VARIANT_DUPLICATE_KEY": {
    sqlState: "22023",
    template: "Failed to build variant because of a duplicate object key `<key>`.",
  },
  "VARIANT_SIZE_LIMIT": {
    sqlState: "22023",
    template:
      "Cannot build variant bigger than <sizeLimit> in <functionName>.\nPlease avoid large input strings to this expression (for example, add function calls(s) to check the expression size and convert it to NULL first if it is too big).",
  },
  "DATATYPE_MISMATCH.HASH_VARIANT_TYPE": {
    sqlState: "42K09",
    template: 'Cannot resolve <sqlExpr> due to data type mismatch: Input to the function <functionName> cannot contain elements of the "VARIANT" type yet.',
  },
  "GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE": {
    sqlState: "42822",
    template: "The expression <sqlExpr> cannot be used as a grouping expression because its data type <dataType> is not an orderable data type.",
  },
};
