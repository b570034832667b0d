import { describe, expect, it } from "vitest";
import { SparkException } from "../../../src/errors/spark-exception.js";
import { decodePlan } from "../../../src/server/protocol/decode-plan.js";
import { decodeRequest } from "../../../src/server/protocol/messages.js";
import { decodeMsgpack } from "../../../src/server/protocol/msgpack-decode.js";
import { encodeMsgpack } from "../../../src/server/protocol/msgpack-writer.js";
import { withFuzzSeed } from "../../fuzz-seed.js";

const VALID = {
  kind: "execute",
  id: "e",
  sessionId: "s",
  plan: {
    kind: "Filter",
    input: { kind: "LocalRelation", schema: { type: "struct", fields: [{ name: "a", type: "long", nullable: true, metadata: {} }] }, rows: [[1], [2n ** 60n]] },
    condition: { kind: "UnresolvedFunction", name: ">", args: [{ kind: "UnresolvedAttribute", nameParts: ["a"] }, { kind: "Literal", value: 1, dataType: "long" }], isDistinct: false },
  },
  format: "rows",
};

/** What the server does with one frame: decode, validate, decode the plan. Only typed errors may escape. */
function handle(frame: Uint8Array): void {
  let raw: unknown;
  try {
    raw = decodeMsgpack(frame);
  } catch {
    return; // undecodable: the server answers INVALID_PLAN_INPUT
  }
  try {
    const req = decodeRequest(raw);
    if (req.kind === "execute") decodePlan(req.plan);
  } catch (e) {
    if (!(e instanceof SparkException)) throw e;
    expect(e.errorClass).toBe("INVALID_PLAN_INPUT");
  }
}

describe("decoder fuzz", () => {
  it("turns random frames into INVALID_PLAN_INPUT or decode errors, never anything else", async () => {
    await withFuzzSeed(1, (rng) => {
      for (let i = 0; i < 3000; i++) handle(rng.bytes(1 + (i % 200)));
    });
  });

  it("survives every single-byte mutation and truncation of a valid request", () => {
    const good = encodeMsgpack(VALID);
    for (let i = 0; i < good.length; i++) {
      for (const b of [0x00, 0xc1, 0xd4, 0xff, good[i]! ^ 0x55]) {
        const m = Uint8Array.from(good);
        m[i] = b;
        handle(m);
      }
      handle(good.subarray(0, i));
    }
  });

  it("rejects headers that promise huge arrays, maps, strings or bins without allocating them", () => {
    for (const h of ["ddffffffff", "dfffffffff", "c6ffffffff", "dbffffffff", "dd7fffffff00"]) {
      expect(() => decodeMsgpack(Buffer.from(h, "hex"))).toThrow();
    }
  });

  it("still decodes a valid request identically afterwards (no state leaks between frames)", async () => {
    await withFuzzSeed(2, (rng) => {
      for (let i = 0; i < 500; i++) handle(rng.bytes(64));
    });
    const req = decodeRequest(decodeMsgpack(encodeMsgpack(VALID)));
    expect(req.kind).toBe("execute");
    if (req.kind === "execute") expect(decodePlan(req.plan)).toMatchObject({ kind: "Filter", input: { rows: [[1], [2n ** 60n]] } });
  });
});
