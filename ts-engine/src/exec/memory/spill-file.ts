import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ColumnBatch } from "../../columnar/batch.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { StructType } from "../../types/data-type.js";
import { decodeBatch, encodeBatch } from "./spill-codec.js";

/** Spill activity of this thread since it started: the tests' and metrics' view. */
export interface SpillStats {
  /** Files created. */
  readonly files: number;
  /** Bytes written to them. */
  readonly bytes: number;
  /** Files not yet deleted. */
  readonly live: number;
}

const stats = { files: 0, bytes: 0, live: 0 };

/** A copy of this thread's spill counters. */
export function spillStats(): SpillStats {
  return { ...stats };
}

/** Each process spills under its own directory of `spark.local.dir`, removed at exit. */
const dirs = new Map<string, string>();
let exitHook = false;

function spillDir(conf: SqlConf): string {
  const root = conf.get("spark.local.dir") || os.tmpdir();
  let dir = dirs.get(root);
  if (dir === undefined) {
    fs.mkdirSync(root, { recursive: true });
    dir = fs.mkdtempSync(path.join(root, `tspark-spill-${process.pid}-`));
    dirs.set(root, dir);
    if (!exitHook) {
      exitHook = true;
      // A backstop only: every spill file is deleted by its task when it ends.
      process.once("exit", () => {
        for (const d of dirs.values()) fs.rmSync(d, { recursive: true, force: true });
      });
    }
  }
  return dir;
}

let seq = 0;

/**
 * One spilled run: a file of length-prefixed batch frames (spill-codec.ts), written once
 * front to back, then read back as a stream of batches. `delete` removes it; an operator
 * deletes its files when its task ends, fails or is cancelled.
 */
export class SpillFile {
  private handle: fsp.FileHandle | null = null;
  private written = 0;
  private deleted = false;
  /** Batches in the file. */
  batches = 0;
  /** Where each batch's frame starts (for readAt). */
  private readonly frames: number[] = [];

  private constructor(readonly path: string) {}

  /** A new, empty spill file under `spark.local.dir`. */
  static async create(conf: SqlConf, label: string): Promise<SpillFile> {
    const f = new SpillFile(path.join(spillDir(conf), `${label}-${process.pid}-${++seq}.spill`));
    f.handle = await fsp.open(f.path, "w");
    stats.files++;
    stats.live++;
    return f;
  }

  /** Appends one batch. */
  async write(b: ColumnBatch): Promise<void> {
    const h = this.handle;
    if (h === null) throw new InternalError(`spill file ${this.path} is not open for writing`);
    const body = encodeBatch(b);
    const len = new Uint8Array(8);
    new DataView(len.buffer).setFloat64(0, body.byteLength, true);
    this.frames.push(this.written);
    await h.write(len);
    await h.write(body);
    this.written += 8 + body.byteLength;
    stats.bytes += 8 + body.byteLength;
    this.batches++;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.written;
  }

  /** Ends writing; the file can then be read. */
  async finish(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close();
  }

  /** The batches in write order, read one frame at a time. */
  async *read(schema: StructType): AsyncIterable<ColumnBatch> {
    const h = await fsp.open(this.path, "r");
    try {
      const len = new Uint8Array(8);
      let pos = 0;
      for (let i = 0; i < this.batches; i++) {
        await readFully(h, len, pos);
        const size = new DataView(len.buffer).getFloat64(0, true);
        const body = new Uint8Array(size);
        await readFully(h, body, pos + 8);
        pos += 8 + size;
        yield decodeBatch(schema, body);
      }
    } finally {
      await h.close();
    }
  }

  /** Batches `from` … `to - 1` (in write order) of a finished file, read directly at their frames. */
  async readAt(schema: StructType, from: number, to: number): Promise<ColumnBatch[]> {
    const out: ColumnBatch[] = [];
    if (to <= from) return out;
    const h = await fsp.open(this.path, "r");
    try {
      const len = new Uint8Array(8);
      for (let i = from; i < to; i++) {
        const pos = this.frames[i];
        if (pos === undefined) throw new InternalError(`spill file ${this.path} has no batch ${i}`);
        await readFully(h, len, pos);
        const body = new Uint8Array(new DataView(len.buffer).getFloat64(0, true));
        await readFully(h, body, pos + 8);
        out.push(decodeBatch(schema, body));
      }
    } finally {
      await h.close();
    }
    return out;
  }

  /**
   * Every batch of a finished spill file at `file`, read front to back: for a task on another
   * thread, which has the file's path but not this object (an RDD's spilled partition).
   */
  static async readAll(file: string, schema: StructType): Promise<ColumnBatch[]> {
    const h = await fsp.open(file, "r");
    try {
      const { size } = await h.stat();
      const out: ColumnBatch[] = [];
      const len = new Uint8Array(8);
      for (let pos = 0; pos < size; ) {
        await readFully(h, len, pos);
        const body = new Uint8Array(new DataView(len.buffer).getFloat64(0, true));
        await readFully(h, body, pos + 8);
        pos += 8 + body.byteLength;
        out.push(decodeBatch(schema, body));
      }
      return out;
    } finally {
      await h.close();
    }
  }

  /** Removes the file (idempotent; never throws). */
  async delete(): Promise<void> {
    if (this.deleted) return;
    this.deleted = true;
    stats.live--;
    await this.handle?.close().catch(() => {});
    this.handle = null;
    await fsp.rm(this.path, { force: true }).catch(() => {});
  }
}

async function readFully(h: fsp.FileHandle, into: Uint8Array, position: number): Promise<void> {
  let got = 0;
  while (got < into.byteLength) {
    const { bytesRead } = await h.read(into, got, into.byteLength - got, position + got);
    if (bytesRead === 0) throw new InternalError("spill file ended early");
    got += bytesRead;
  }
}
