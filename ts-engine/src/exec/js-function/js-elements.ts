import { deserialize, serialize } from "node:v8";
import { assertNever } from "../../errors/assert-never.js";
import type { PartitionInput } from "../../python/python-runner.js";

/**
 * Elements of a JavaScript RDD (the Node API's `sc.parallelize`, `rdd.map` …) are plain JS
 * values; between threads and in the engine's partitions they travel as blobs, each the V8
 * serialization (structured clone) of an array of elements: numbers, strings, booleans,
 * bigints, null, arrays ((key, value) pairs are `[k, v]`), plain objects, Maps, Sets, Dates
 * and typed arrays round-trip; functions and class instances do not.
 */
export const ELEMENTS_PER_BLOB = 65536;

/** One blob of elements. */
export function encodeElements(elements: readonly unknown[]): Uint8Array {
  return serialize(elements);
}

/** The elements of one blob. */
export function decodeElements(blob: Uint8Array): unknown[] {
  const v: unknown = deserialize(blob);
  if (!Array.isArray(v)) throw new TypeError("a JS RDD blob must hold an array of elements");
  return v;
}

/** `elements` as blobs of up to ELEMENTS_PER_BLOB each (none for no elements). */
export function encodeBlobs(elements: readonly unknown[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < elements.length; i += ELEMENTS_PER_BLOB) out.push(encodeElements(elements.slice(i, i + ELEMENTS_PER_BLOB)));
  return out;
}

/**
 * A partition's input as a stream of JS elements: blobs decoded one at a time, text split
 * into lines (ends at \n, \r\n or \r, as Hadoop's LineRecordReader; each chunk holds whole
 * lines), whole files as `[path, content]` pairs (content a string, or bytes for binaryFiles).
 */
export function* inputElements(input: PartitionInput): Generator<unknown> {
  switch (input.kind) {
    case "blobs":
      for (const b of input.blobs) yield* decodeElements(b);
      return;
    case "strings":
      yield* input.strings;
      return;
    case "text": {
      const decoder = new TextDecoder();
      for (const chunk of input.chunks) yield* splitTextLines(decoder.decode(chunk));
      return;
    }
    case "wholeFiles": {
      const decoder = new TextDecoder();
      for (let i = 0; i < input.paths.length; i++) {
        const c = input.contents[i]!;
        yield [input.paths[i]!, input.binary ? c : decoder.decode(c)];
      }
      return;
    }
    default:
      assertNever(input);
  }
}

/** The lines of `text` (whole lines; a final terminator does not start an empty line). */
function splitTextLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < n) lines.push(text.slice(start));
  return lines;
}
