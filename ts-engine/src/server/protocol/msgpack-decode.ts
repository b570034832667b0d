import { addExtension, Unpackr } from "msgpackr";
import { InvalidPlanInput } from "../../errors/spark-exception.js";
import { decodeLimits, HARD_MAX_DEPTH } from "./decode-limits.js";
import { frameNestsDeeper, NESTED_EXT } from "./frame-depth.js";

/**
 * The one msgpack decoder of the bridge: maps become plain objects, `bin` becomes a
 * Uint8Array (a Node Buffer), and int64 stays exact — a Number while within ±2^53, a
 * BigInt beyond (bridge/PROTOCOL.md, Conventions).
 */
const unpackr = new Unpackr({
  mapsAsObjects: true,
  useRecords: false,
  int64AsType: "auto" as "bigint",
  moreTypes: false,
});

/**
 * The deepest nesting of maps and arrays a message may have by default (decode-limits.ts: the
 * decoders and the analyzer recurse once or twice per level, and Node's default stack overflows at
 * a chain of about 1,400 `+`). Checked on the frame's bytes before decoding (checkFrameDepth), so a
 * hostile or buggy client gets a clear error and the engine never overflows its stack on it.
 */
export const MAX_FRAME_DEPTH = HARD_MAX_DEPTH;

/** Levels the Python client packs per NESTED_EXT value (python/tspark/_bridge/codec.py). */
const LEVELS_PER_EXT = 256;

/** Stands for a subtree nested past MAX_FRAME_DEPTH, which is never decoded. */
const TOO_DEEP: unique symbol = Symbol("too deep");

/**
 * Extension type 1 carries a subtree packed on its own: the Python client splits messages nested
 * deeper than its packer's 511-level limit (bridge/PROTOCOL.md, Conventions). It decodes in place
 * (msgpackr's unpack is re-entrant), so handlers never see it. Past MAX_FRAME_DEPTH the subtree
 * is replaced by TOO_DEEP rather than decoded (peekFrameId decodes a refused frame for its id
 * only): decoding would overflow the stack, and throwing here would lose the id.
 */
export { NESTED_EXT };
let extNesting = 0;
addExtension({
  type: NESTED_EXT,
  unpack: (bytes: Uint8Array): unknown => {
    if (extNesting * LEVELS_PER_EXT > decodeLimits().maxDepth) return TOO_DEEP;
    extNesting++;
    try {
      return unpackr.unpack(bytes);
    } finally {
      extNesting--;
    }
  },
});

/** Decodes one frame into an untyped value; throws on malformed or truncated input. */
export function decodeMsgpack(frame: Uint8Array): unknown {
  const value: unknown = unpackr.unpack(frame);
  return value;
}

/**
 * Throws InvalidPlanInput when a frame nests deeper than the depth ceiling (MAX_FRAME_DEPTH by
 * default), read from its bytes before it is decoded (frame-depth.ts). Separate from decodeMsgpack
 * so that the server can still read the request id of a refused frame for its error reply.
 */
export function checkFrameDepth(frame: Uint8Array): void {
  const max = decodeLimits().maxDepth;
  if (frameNestsDeeper(frame, max)) {
    throw new InvalidPlanInput(`the message nests deeper than ${max} levels; split the query into smaller steps (for example, cache or checkpoint an intermediate DataFrame)`);
  }
}

/**
 * The request id of a frame that will not be decoded for use (one nested too deep), for its error
 * reply: its subtrees past the ceiling are not decoded (TOO_DEEP), and a plain frame so deep that
 * decoding overflows the stack has no id ("").
 */
export function peekFrameId(frame: Uint8Array): string {
  try {
    const v = unpackr.unpack(frame) as unknown;
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const id = (v as Record<string, unknown>)["id"];
      if (typeof id === "string") return id;
    }
  } catch {
    // undecodable: no id
  }
  return "";
}
