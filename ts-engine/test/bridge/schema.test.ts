import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WIRE_EXPR_KINDS } from "../../src/server/protocol/decode-expr.js";
import { WIRE_PLAN_KINDS } from "../../src/server/protocol/decode-plan.js";
import { REQUEST_KINDS } from "../../src/server/protocol/messages.js";

interface SchemaDoc {
  readonly $defs: Record<string, { readonly oneOf?: readonly { readonly $ref: string }[]; readonly properties?: { readonly kind?: { readonly const?: string } } }>;
}

function load(name: string): SchemaDoc {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../bridge/schema/${name}`, import.meta.url)), "utf8")) as SchemaDoc;
}

/** The `kind` consts of the alternatives of a oneOf definition. */
function kindsOf(doc: SchemaDoc, union: string): string[] {
  return (doc.$defs[union]?.oneOf ?? []).map((r) => {
    const name = r.$ref.replace("#/$defs/", "");
    return doc.$defs[name]?.properties?.kind?.const ?? `?${name}`;
  });
}

describe("bridge/schema stays in step with the decoders", () => {
  it("lists exactly the relation kinds decodePlan accepts", () => {
    expect(kindsOf(load("plan.json"), "Relation").sort()).toEqual([...WIRE_PLAN_KINDS].sort());
  });

  it("lists exactly the expression kinds decodeExpr accepts", () => {
    expect(kindsOf(load("expr.json"), "Expr").sort()).toEqual([...WIRE_EXPR_KINDS].sort());
  });

  it("lists exactly the request kinds the server accepts", () => {
    expect(kindsOf(load("messages.json"), "Request").sort()).toEqual([...REQUEST_KINDS].sort());
  });

  it("lists the replies the server sends", () => {
    expect(kindsOf(load("messages.json"), "Reply").sort()).toEqual(
      ["analyzeResult", "arrowBatch", "batch", "catalogResult", "configResult", "done", "error", "handshakeOk", "pong", "rddBatch", "schema", "streamEvent", "streamResult", "streamStarted"],
    );
  });
});
