import { afterEach, describe, expect, it } from "vitest";
import { configureDecodeLimits, DEFAULT_DECODE_LIMITS } from "../../../src/server/protocol/decode-limits.js";
import { decodePlan } from "../../../src/server/protocol/decode-plan.js";
import { checkFrameDepth } from "../../../src/server/protocol/msgpack-decode.js";
import { encodeMsgpack } from "../../../src/server/protocol/msgpack-writer.js";

const schema = { type: "struct", fields: [{ name: "a", type: "integer", nullable: true, metadata: {} }] };

function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

describe("decode-time ceilings (serve --max-partitions --max-local-rows --max-depth)", () => {
  afterEach(() => configureDecodeLimits(DEFAULT_DECODE_LIMITS));

  it("refuses a partition count past the configured ceiling, naming it", () => {
    configureDecodeLimits({ maxPartitions: 8 });
    expect(() => decodePlan({ kind: "Range", start: 0, end: 10, step: 1, numPartitions: 9 })).toThrow(/9 partitions is more than the engine's limit of 8/);
    expect(decodePlan({ kind: "Range", start: 0, end: 10, step: 1, numPartitions: 8 })).toMatchObject({ kind: "Range" });
  });

  it("refuses local data with more rows than the ceiling before decoding any row", () => {
    configureDecodeLimits({ maxLocalRows: 2 });
    const rows = [[1], [2], [3]];
    expect(() => decodePlan({ kind: "LocalRelation", schema, rows })).toThrow(/3 rows is more than the engine's limit of 2/);
    expect(decodePlan({ kind: "LocalRelation", schema, rows: rows.slice(0, 2) })).toMatchObject({ kind: "LocalRelation" });
  });

  it("lowers the nesting ceiling, and never raises it past the stack-safe 2,500 levels", () => {
    configureDecodeLimits({ maxDepth: 50 });
    expect(() => checkFrameDepth(encodeMsgpack(nested(60)))).toThrow(/deeper than 50 levels/);
    checkFrameDepth(encodeMsgpack(nested(40)));
    expect(() => configureDecodeLimits({ maxDepth: 3000 })).toThrow(/cannot exceed 2500/);
    expect(() => configureDecodeLimits({ maxPartitions: 0 })).toThrow(/positive integer/);
  });
});
