/** The error conditions of the sketch functions (hll_*), as in Spark's error-conditions.json; conditions.ts merges them. */
export const SKETCH_CONDITIONS: Readonly<Record<string, { readonly sqlState: string; readonly template: string }>> = {
  "HLL_INVALID_INPUT_SKETCH_BUFFER": {
    sqlState: "22546",
    template: "Invalid call to <function>; only valid HLL sketch buffers are supported as inputs (such as those produced by the `hll_sketch_agg` function).",
  },
  "HLL_INVALID_LG_K": {
    sqlState: "22546",
    template: "Invalid call to <function>; the `lgConfigK` value must be between <min> and <max>, inclusive: <value>.",
  },
  "HLL_UNION_DIFFERENT_LG_K": {
    sqlState: "22000",
    template: "Sketches have different `lgConfigK` values: <left> and <right>. Set the `allowDifferentLgConfigK` parameter to true to call <function> with different `lgConfigK` values.",
  },
};
