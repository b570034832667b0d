import type { VariantValue } from "../../../columnar/variant.js";
import { makeVector, type Vector } from "../../../columnar/vector.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { StringType, VariantType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { mergeVariantSchema, variantSchema, variantSchemaText } from "../../kernels/variant-schema.js";
import { aggCall, allArgs, checkArity, doc, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/**
 * schema_of_variant_agg's state: the merged schema of each group's non-null variants (Spark's
 * SchemaOfVariantAgg), null while a group has seen none. The partial column carries each
 * schema as its JSON form, which merge reads back.
 */
class SchemaAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [StringType];
  private schemas: (DataType | null)[] = [];

  ensure(n: number): void {
    while (this.schemas.length < n) this.schemas.push(null);
  }

  private fold(g: number, t: DataType): void {
    const cur = this.schemas[g];
    this.schemas[g] = cur === null || cur === undefined ? t : mergeVariantSchema(cur, t);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (v === null || v === undefined) continue;
      this.fold(groups[i]!, variantSchema(v as VariantValue));
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) {
      const s = vals[i];
      if (s === null || s === undefined) continue;
      this.fold(groups[i]!, JSON.parse(s as string) as DataType);
    }
  }

  partial(numGroups: number): Vector[] {
    const out = this.schemas.slice(0, numGroups).map((t) => (t === null ? null : JSON.stringify(t)));
    return [stringVector(out)];
  }

  result(numGroups: number): Vector {
    // A group of only nulls has the schema of nothing: VOID, as Spark's initial NullType buffer.
    return stringVector(this.schemas.slice(0, numGroups).map((t) => variantSchemaText(t ?? { kind: "null" })));
  }
}

function stringVector(vals: readonly (string | null)[]): Vector {
  const validity = vals.some((v) => v === null) ? Uint8Array.from(vals, (v) => (v === null ? 0 : 1)) : null;
  return makeVector(StringType, vals.map((v) => v ?? ""), validity, vals.length);
}

/** schema_of_variant_agg(v): the merged schema of a group's variants, as schema_of_variant prints it. */
export const SCHEMA_OF_VARIANT_AGG: AggFunctionDef = {
  kind: "agg",
  name: "schema_of_variant_agg",
  doc: doc("schema_of_variant_agg(v)", "The smallest schema that holds every variant of the group (fields merged, numbers widened, VARIANT where types conflict)."),
  resolve(_n, args, isDistinct) {
    checkArity("schema_of_variant_agg", args, 1);
    const a = args[0]!;
    const t = exprType(a);
    const draft = aggCall("schema_of_variant_agg", args, isDistinct, StringType, false);
    if (t.kind !== "variant" && t.kind !== "null") throw unexpectedInputType(draft, 0, a, '"VARIANT"');
    return aggCall("schema_of_variant_agg", [implicitCast(a, VariantType)], isDistinct, StringType, false);
  },
  accumulator: () => new SchemaAcc(),
  updateArgs: allArgs,
  ignoresDistinct: true,
};
