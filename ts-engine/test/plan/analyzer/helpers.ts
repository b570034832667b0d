import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { Expr } from "../../../src/expr/expr.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import { analyze } from "../../../src/plan/analyzer/analyzer.js";
import { schemaOf } from "../../../src/plan/output.js";
import { parseDDL } from "../../../src/types/ddl.js";
import { simpleString } from "../../../src/types/type-names.js";

export function rel(ddl: string, planId?: number): LogicalPlan {
  return { kind: "LocalRelation", schema: parseDDL(ddl), rows: [], ...(planId === undefined ? {} : { planId }) };
}

export function col(name: string, planId?: number): Expr {
  return { kind: "UnresolvedAttribute", nameParts: name.split("."), ...(planId === undefined ? {} : { planId }) };
}

export function fn(name: string, ...args: Expr[]): Expr {
  return { kind: "UnresolvedFunction", name, args, isDistinct: false };
}

export function lit(value: unknown, kind: "integer" | "long" | "double" | "string" = "integer"): Expr {
  return { kind: "Literal", value, dataType: { kind } };
}

export function sql(text: string): Expr {
  return { kind: "ExprString", sql: text };
}

/** `name:type` list of the analyzed plan's schema, e.g. `i:int, (i + 1):int`. */
export function cols(plan: LogicalPlan, conf = new SqlConf()): string {
  return schemaOf(analyze(plan, { conf })).fields.map((f) => `${f.name}:${simpleString(f.dataType)}`).join(", ");
}

/** The error thrown while analyzing `plan`. */
export function analysisError(plan: LogicalPlan): { errorClass: string; message: string; params: Record<string, string> } {
  try {
    analyze(plan, { conf: new SqlConf() });
  } catch (e) {
    const x = e as { errorClass: string; message: string; messageParameters: Record<string, string> };
    return { errorClass: x.errorClass, message: x.message, params: { ...x.messageParameters } };
  }
  throw new Error("analysis succeeded");
}
