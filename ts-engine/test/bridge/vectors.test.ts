import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeBatch } from "../../src/columnar/batch.js";
import { makeVector, type Vector } from "../../src/columnar/vector.js";
import { decodePlan } from "../../src/server/protocol/decode-plan.js";
import { decodeDataType } from "../../src/server/protocol/decode-type.js";
import { encodeBatchMessage } from "../../src/server/protocol/encode-batch.js";
import { decodeRequest } from "../../src/server/protocol/messages.js";
import { decodeMsgpack } from "../../src/server/protocol/msgpack-decode.js";
import { encodeMsgpack, WireFloat } from "../../src/server/protocol/msgpack-writer.js";
import { structField, structType, type DataType } from "../../src/types/data-type.js";

const VECTORS = fileURLToPath(new URL("../../../bridge/vectors", import.meta.url));

function listCases(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listCases(p);
    return e.name.endsWith(".json") ? [p] : [];
  });
}

/** Untags a case's JSON ($int/$float/$bin, see bridge/record_vectors.py); floats become WireFloat when asked. */
function untag(v: unknown, floats: "wire" | "number"): unknown {
  if (Array.isArray(v)) return v.map((x) => untag(x, floats));
  if (typeof v === "object" && v !== null) {
    const entries = Object.entries(v);
    if (entries.length === 1) {
      const [k, x] = entries[0]!;
      if (k === "$int") return BigInt(x as string) >= -(2n ** 53n) && BigInt(x as string) <= 2n ** 53n ? Number(x) : BigInt(x as string);
      if (k === "$float") return floats === "wire" ? new WireFloat(x as number) : (x as number);
      if (k === "$bin") return Uint8Array.from(Buffer.from(x as string, "base64"));
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, untag(x, floats)]));
  }
  if (typeof v === "number" && !Number.isInteger(v) && floats === "wire") return new WireFloat(v);
  return v;
}

/** Buffers (what the decoder yields for bin) compared as plain Uint8Arrays. */
function normalize(v: unknown): unknown {
  if (v instanceof Uint8Array) return Uint8Array.from(v);
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

interface Case {
  readonly description: string;
  readonly message: unknown;
  readonly engine?: unknown;
  readonly columnTypes?: readonly unknown[];
}

const cases = listCases(VECTORS).sort();

/** Builds a vector the way the columnar layer stores it, from plain values. */
function vectorOf(t: DataType, values: readonly unknown[]): Vector {
  const validity = Uint8Array.from(values, (x) => (x === null ? 0 : 1));
  const n = values.length;
  switch (t.kind) {
    case "long": {
      const big = values.some((x) => typeof x === "bigint");
      const data = big ? BigInt64Array.from(values, (x) => BigInt((x as number | bigint | null) ?? 0)) : Float64Array.from(values, (x) => (x as number | null) ?? 0);
      return makeVector(t, data, validity, n);
    }
    case "double":
      return makeVector(t, Float64Array.from(values, (x) => (x as number | null) ?? 0), validity, n);
    case "date":
      return makeVector(t, Int32Array.from(values, (x) => (x as number | null) ?? 0), validity, n);
    default:
      return makeVector(t, [...values], validity, n);
  }
}

describe("bridge vectors", () => {
  it("has cases in every area", () => {
    const areas = new Set(cases.map((c) => relative(VECTORS, c).split("/")[0]));
    for (const a of ["handshake", "plan", "reply", "rdd", "stream"]) expect(areas.has(a)).toBe(true);
  });

  for (const path of cases) {
    const name = relative(VECTORS, path).replace(/\.json$/, "");
    const c = JSON.parse(readFileSync(path, "utf8")) as Case;
    const golden = readFileSync(path.replace(/\.json$/, ".msgpack"));

    describe(name, () => {
      it("decodes the golden bytes to the case", () => {
        expect(normalize(decodeMsgpack(golden))).toEqual(untag(c.message, "number"));
      });

      it("re-encodes the case to identical bytes", () => {
        expect(Buffer.from(encodeMsgpack(untag(c.message, "wire"))).toString("hex")).toBe(golden.toString("hex"));
      });

      const kind = (c.message as { kind: string }).kind;
      if (["handshake", "execute", "executeRdd", "stream"].includes(kind)) {
        it("validates as a request", () => {
          expect(decodeRequest(decodeMsgpack(golden)).kind).toBe(kind);
        });
      }

      if (c.engine !== undefined) {
        it("decodes its plan into the expected engine tree", () => {
          const req = decodeRequest(decodeMsgpack(golden));
          if (req.kind !== "execute" && req.kind !== "stream") throw new Error("plan vectors are execute or stream requests");
          expect(normalize(decodePlan(req.plan))).toEqual(untag(c.engine, "number"));
        });
      }

      if (c.columnTypes !== undefined) {
        it("is what encodeBatchMessage writes from column vectors", () => {
          const msg = untag(c.message, "number") as { id: string; seq: number; columns: unknown[][] };
          const types = c.columnTypes!.map((t, i) => decodeDataType(t, `columnTypes[${i}]`));
          const schema = structType(types.map((t, i) => structField(`c${i}`, t)));
          const batch = makeBatch(schema, types.map((t, i) => vectorOf(t, msg.columns[i]!)));
          const bytes = encodeBatchMessage(msg.id, msg.seq, [{ batch, start: 0, end: batch.numRows }]);
          expect(Buffer.from(bytes).toString("hex")).toBe(golden.toString("hex"));
        });
      }
    });
  }
});
