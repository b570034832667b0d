import { AnalysisException } from "../../../errors/spark-exception.js";
import { structField, structType, type DataType, type StructType } from "../../../types/data-type.js";
import { exprPrettySql } from "../../expr-string.js";
import { exprType } from "../../expr-type.js";
import type { Expr } from "../../expr.js";
import { mapRows } from "../row-map.js";
import { checkArity, doc, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "../function-def.js";

/** One step of Spark's UpdateFields over a struct: set (add or replace) or drop a field path. */
type FieldOp = { readonly kind: "set"; readonly path: readonly string[]; readonly arg: number } | { readonly kind: "drop"; readonly path: readonly string[] };

/** How a struct value is rebuilt: per output field, an input field index, a new argument, or a nested plan. */
type FieldSource = { readonly from: "input"; readonly index: number } | { readonly from: "arg"; readonly arg: number } | { readonly from: "nested"; readonly index: number; readonly plan: StructPlan };

interface StructPlan {
  readonly type: StructType;
  readonly sources: readonly FieldSource[];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Applies `ops` to struct type `t` (Spark's UpdateFields semantics: withField replaces a field
 * of that name in place or appends it; dropFields removes every field of that name; a path
 * `a.b` updates inside the nested struct `a`), giving the output type and how to build values.
 */
function planFields(t: StructType, ops: readonly FieldOp[], argTypes: readonly DataType[], base: Expr): StructPlan {
  let fields: { name: string; type: DataType; nullable: boolean; source: FieldSource }[] = t.fields.map((f, i) => ({
    name: f.name,
    type: f.dataType,
    nullable: f.nullable,
    source: { from: "input", index: i },
  }));
  for (const op of ops) {
    const [head, ...rest] = op.path as [string, ...string[]];
    if (rest.length > 0) {
      // A nested path: the named field must be a struct; the op applies inside it.
      const at = fields.findIndex((f) => same(f.name, head));
      const target = fields[at];
      if (target === undefined || target.type.kind !== "struct") {
        throw new AnalysisException("FIELD_NOT_FOUND", { fieldName: `\`${head}\``, fields: fields.map((f) => `\`${f.name}\``).join(", ") });
      }
      const src = target.source;
      if (src.from !== "input") throw new AnalysisException("FIELD_NOT_FOUND", { fieldName: `\`${head}\``, fields: fields.map((f) => `\`${f.name}\``).join(", ") });
      const inner = planFields(target.type, [{ ...op, path: rest }], argTypes, base);
      fields = fields.map((f, i) => (i === at ? { ...f, type: inner.type, source: { from: "nested", index: src.index, plan: inner } } : f));
      continue;
    }
    if (op.kind === "drop") {
      fields = fields.filter((f) => !same(f.name, head));
      continue;
    }
    const type = argTypes[op.arg]!;
    const hit = fields.findIndex((f) => same(f.name, head));
    const next = { name: head, type, nullable: true, source: { from: "arg", arg: op.arg } as FieldSource };
    if (hit < 0) fields.push(next);
    else fields = fields.map((f, i) => (same(f.name, head) ? { ...next, name: i === hit ? head : f.name } : f));
  }
  if (fields.length === 0) {
    throw new AnalysisException("DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS", {
      sqlExpr: `"update_fields(${exprPrettySql(base)}, ${ops.map((o) => (o.kind === "drop" ? "dropfield()" : "withfield()")).join(", ")})"`,
    });
  }
  return { type: structType(fields.map((f) => structField(f.name, f.type, f.nullable))), sources: fields.map((f) => f.source) };
}

/** Builds one output struct value from the input value and the row's argument values. */
function build(plan: StructPlan, input: readonly unknown[], args: readonly unknown[]): unknown[] {
  return plan.sources.map((s) => {
    if (s.from === "input") return input[s.index] ?? null;
    if (s.from === "arg") return args[s.arg] ?? null;
    const inner = input[s.index];
    return inner === null || inner === undefined ? null : build(s.plan, inner as readonly unknown[], args);
  });
}

/** The field ops a call encodes: `update_fields(struct, 'set', path, value, 'drop', path, …)`. */
function decodeOps(args: readonly Expr[]): { ops: FieldOp[]; values: Expr[]; positions: number[] } {
  const ops: FieldOp[] = [];
  const values: Expr[] = [];
  const positions: number[] = [];
  for (let i = 1; i < args.length; ) {
    const tag = args[i]!;
    const path = args[i + 1]!;
    const name = path.kind === "Literal" ? String(path.value) : "";
    const parts = name.split(".");
    if (tag.kind === "Literal" && tag.value === "drop") {
      ops.push({ kind: "drop", path: parts });
      i += 2;
    } else {
      ops.push({ kind: "set", path: parts, arg: values.length });
      values.push(args[i + 2]!);
      positions.push(i + 2);
      i += 3;
    }
  }
  return { ops, values, positions };
}

const PLANS = new WeakMap<Expr, StructPlan>();

/**
 * `update_fields(struct, 'set', 'name', value, 'drop', 'name', …)`: Column.withField and
 * Column.dropFields (Spark's UpdateFields with WithField / DropField). A null struct stays null.
 */
const UPDATE_FIELDS: ScalarFunctionDef = {
  kind: "scalar",
  name: "update_fields",
  doc: doc("update_fields(struct, ...)", "Returns `struct` with fields added, replaced (withField) or removed (dropFields)."),
  resolve(_n, args) {
    checkArity("update_fields", args, 3, 1000);
    const base = args[0]!;
    const t = exprType(base);
    if (t.kind !== "struct") throw unexpectedInputType(scalarCall("update_fields", args, t, true), 0, base, '"STRUCT"');
    const { ops, values } = decodeOps(args);
    const plan = planFields(t, ops, values.map(exprType), base);
    const call = scalarCall("update_fields", args, plan.type, true);
    PLANS.set(call, plan);
    return call;
  },
  eval(args, call) {
    // Bound calls are copies of the resolved one: re-plan from their literal tags when not cached.
    const decoded = decodeOps(call.args);
    const plan = PLANS.get(call) ?? planFields(args[0]!.type as StructType, decoded.ops, decoded.values.map(exprType), call.args[0]!);
    const positions = decoded.positions;
    return mapRows(
      args,
      call.dataType,
      (row) => (row[0] === null ? null : build(plan, row[0] as readonly unknown[], positions.map((i) => row[i]))),
      false,
    );
  },
};

/** Registry entries for struct field updates. */
export const UPDATE_FIELD_FUNCTIONS: readonly ScalarFunctionDef[] = [UPDATE_FIELDS];
