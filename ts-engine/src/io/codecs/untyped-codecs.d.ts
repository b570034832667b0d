// Type declarations for the two codec packages that ship none (unbzip2-stream, lz4js): only the
// functions tspark calls, as their READMEs document them.

declare module "unbzip2-stream" {
  import type { Transform } from "node:stream";
  /** A transform stream that decodes bzip2 (concatenated streams too). */
  export default function unbzip2(): Transform;
}

declare module "lz4js" {
  /** Decodes one raw LZ4 block src[sIndex, sIndex + sLength) into dst from dIndex; returns the index after the last byte written. */
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
  /** Encodes src[sIndex, sIndex + sLength) as one raw LZ4 block into dst; returns its length (0: incompressible). */
  export function compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
  /** The most bytes a block of n input bytes compresses to. */
  export function compressBound(n: number): number;
}

declare module "libbzip2-wasm" {
  /** The result of one compressBZ2 call (an embind object: `delete()` frees it). */
  export interface Bz2Result {
    /** libbzip2's return code: 0 is BZ_OK. */
    readonly error: number;
    readonly errorMsg: string;
    /** The complete bzip2 stream. */
    readonly output: Uint8Array;
    delete(): void;
  }
  /** libbzip2 (emscripten): compresses the whole input as one bzip2 stream (block size 1-9, work factor 0-250). */
  export interface Bz2Module {
    compressBZ2(input: Uint8Array, blockSize: number, workFactor: number): Bz2Result;
    /** libc's free over the wasm heap (a pointer is a byte offset into it). */
    _free(pointer: number): void;
  }
  /**
   * The module object as the (emscripten 1.38) factory returns it: usable once `then` has
   * called back. `then` returns the module itself, so the object must not be awaited.
   */
  export interface Bz2Instance extends Bz2Module {
    then?: (callback: (m: Bz2Module) => void) => unknown;
  }
  /** Instantiates the wasm module (asynchronously: wait through `then`); `onAbort` is called if that fails. */
  export default function factory(overrides?: { onAbort?: (what: unknown) => void }): Bz2Instance;
}
