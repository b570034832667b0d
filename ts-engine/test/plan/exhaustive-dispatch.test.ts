import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Type-checks src with one new plan kind and one new expression kind spliced into their unions
// (in memory), and checks that tsc then rejects every phase that dispatches on the kind: the
// proof that dispatch is exhaustive (assertNever / Record<Kind, …>), not a run-time fallback.

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const src = join(root, "src");

function withNewKinds(file: string, text: string): string {
  const rel = relative(src, file).replace(/\\/g, "/");
  if (rel === "plan/logical-plan.ts") {
    // a kind no phase knows (Sample is a real kind now)
    return text.replace("export type LogicalPlan =\n", "export type LogicalPlan =\n  | UnknownNode\n") +
      '\nexport interface UnknownNode { readonly kind: "UnknownNode"; readonly input: LogicalPlan; readonly fraction: number }\n';
  }
  if (rel === "expr/expr.ts") {
    return text.replace("export type Expr =\n", "export type Expr =\n  | Rand\n") +
      '\nexport interface Rand { readonly kind: "Rand"; readonly seed: number; readonly dataType: DataType; readonly nullable: boolean }\n';
  }
  return text;
}

/** Files whose switches over plan or expression kinds must all fail to compile. */
const PHASES = [
  // Plan kinds: output, children and rewrites, explain, the physical planner, size estimates.
  "plan/output.ts",
  "plan/transform.ts",
  "plan/explain-logical.ts",
  "exec/planner.ts",
  "exec/size-estimate.ts",
  // Expression kinds: type, children, printing, evaluation, equality, analysis, outputs.
  "expr/expr-type.ts",
  "expr/transform.ts",
  "expr/expr-string.ts",
  "expr/eval/evaluate.ts",
  "expr/expr-equals.ts",
  "plan/analyzer/resolve-expr.ts",
];

function errorsByFile(): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (config === undefined) throw new Error("no tsconfig");
  const host = ts.createCompilerHost({ ...config.options, noEmit: true });
  const read = host.readFile.bind(host);
  host.readFile = (f) => {
    const text = read(f);
    return text === undefined ? undefined : withNewKinds(resolve(f), text);
  };
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = host.readFile(f);
    return text === undefined ? getSourceFile(f, lang, onError, create) : ts.createSourceFile(f, text, lang);
  };
  // Only the phases as roots (their imports come along): checking all of src is slower for nothing.
  const program = ts.createProgram(PHASES.map((f) => join(src, f)), { ...config.options, noEmit: true }, host);
  const out = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file === undefined) continue;
    const rel = relative(src, d.file.fileName).replace(/\\/g, "/");
    out.set(rel, [...(out.get(rel) ?? []), ts.flattenDiagnosticMessageText(d.messageText, "\n")]);
  }
  return out;
}

describe("exhaustive dispatch", () => {
  it("the unmodified sources splice cleanly (the markers the test edits exist)", () => {
    const plan = readFileSync(join(src, "plan/logical-plan.ts"), "utf8");
    const expr = readFileSync(join(src, "expr/expr.ts"), "utf8");
    expect(plan).toContain("export type LogicalPlan =\n");
    expect(expr).toContain("export type Expr =\n");
  });

  it("a new plan or expression kind fails to compile in every phase that dispatches on kinds", { timeout: 600_000 }, () => {
    const errors = errorsByFile();
    const files = [...errors.keys()].sort();
    for (const f of PHASES) expect(files).toContain(f);
    // Every error is the exhaustiveness check itself, not collateral damage from the splice.
    for (const [f, msgs] of errors) {
      for (const m of msgs) expect(`${f}: ${m}`).toMatch(/not assignable to (parameter of )?type 'never'/);
    }
  });
});
