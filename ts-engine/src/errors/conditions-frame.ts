/**
 * The error conditions of DataFrame column resolution across joins (Spark Connect's planId
 * references, struct fields), colRegex and the interop paths, as in Spark's
 * error-conditions.json (4.0.1); spread into CONDITIONS (conditions.ts).
 * Typed structurally: importing Condition from conditions.ts would be an import cycle.
 */
export const FRAME_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "AMBIGUOUS_COLUMN_REFERENCE": {
    sqlState: "42702",
    template:
      "Column <name> is ambiguous. It's because you joined several DataFrame together, and some of these DataFrames are the same.\nThis column points to one of the DataFrames but Spark is unable to figure out which one.\nPlease alias the DataFrames with different names via `DataFrame.alias` before joining them,\nand specify the column using qualified name, e.g. `df.alias(\"a\").join(df.alias(\"b\"), col(\"a.id\") > col(\"b.id\"))`.",
  },
  "AMBIGUOUS_REFERENCE_TO_FIELDS": {
    sqlState: "42000",
    template: "Ambiguous reference to the field <field>. It appears <count> times in the schema.",
  },
  "CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND": {
    sqlState: "56000",
    template:
      "Checkpoint block <rddBlockId> not found!\nEither the executor that originally checkpointed this partition is no longer alive, or the original RDD is unpersisted.\nIf this problem persists, you may consider using `rdd.checkpoint()` instead, which is slower than local checkpointing but more fault-tolerant.",
  },
  "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION": {
    sqlState: "XX000",
    template:
      "Resolved attribute(s) <missingAttributes> missing from <input> in operator <operator>. Attribute(s) with the same name appear in the operation: <operation>.\nPlease check if the right attribute(s) are used.",
  },
  "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT": {
    sqlState: "XX000",
    template: "Resolved attribute(s) <missingAttributes> missing from <input> in operator <operator>. ",
  },
  "TRANSPOSE_EXCEED_ROW_LIMIT": {
    sqlState: "54006",
    template: "Number of rows exceeds the allowed limit of <maxValues> for TRANSPOSE. If this was intended, set <config> to at least the current row count.",
  },
  "TRANSPOSE_INVALID_INDEX_COLUMN": {
    sqlState: "42804",
    template: "Invalid index column for TRANSPOSE because: <reason>",
  },
  "TRANSPOSE_NO_LEAST_COMMON_TYPE": {
    sqlState: "42K09",
    template: "Transpose requires non-index columns to share a least common type, but <dt1> and <dt2> do not.",
  },
};
