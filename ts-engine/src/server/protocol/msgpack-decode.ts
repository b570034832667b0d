import { addExtension, Unpackr } from "msgpackr";
import { InvalidPlanInput } from "../../errors/spark-exception.js";
import { decodeLimits, HARD_MAX_DEPTH } from "./decode-limits.js";

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
 * a chain of about 1,400 `+`). Checked right after decoding, so a hostile or buggy client gets a
 * clear error and the engine never overflows its stack on that message.
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
 * is replaced by TOO_DEEP rather than decoded: decoding would overflow the stack, and throwing here
 * would lose the request id the error reply needs.
 */
export const NESTED_EXT = 1;
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
 * Throws InvalidPlanInput when a decoded message nests deeper than MAX_FRAME_DEPTH. Separate from
 * decodeMsgpack so that the server has read the request id first and the error reaches the request.
 */
export function checkFrameDepth(value: unknown): void {
  const max = decodeLimits().maxDepth;
  if (nestingDepth(value, max) > max) {
    throw new InvalidPlanInput(`the message nests deeper than ${max} levels; split the query into smaller steps (for example, cache or checkpoint an intermediate DataFrame)`);
  }
}

/** The nesting depth of maps and arrays in `v`, counted without recursion; stops once past `limit`. */
function nestingDepth(v: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop()!;
    if (x === TOO_DEEP) return limit + 1;
    if (d > max) {
      max = d;
      if (max > limit) return max;
    }
    if (Array.isArray(x)) {
      for (const e of x) if (isNested(e)) stack.push([e, d + 1]);
    } else if (x !== null && typeof x === "object" && !ArrayBuffer.isView(x)) {
      for (const e of Object.values(x)) if (isNested(e)) stack.push([e, d + 1]);
    }
  }
  return max;
}

function isNested(e: unknown): boolean {
  return e === TOO_DEEP || (e !== null && typeof e === "object");
}
