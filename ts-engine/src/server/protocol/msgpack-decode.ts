import { Unpackr } from "msgpackr";

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

/** Decodes one frame into an untyped value; throws on malformed or truncated input. */
export function decodeMsgpack(frame: Uint8Array): unknown {
  const value: unknown = unpackr.unpack(frame);
  return value;
}
