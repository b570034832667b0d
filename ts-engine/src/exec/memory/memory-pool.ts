import { SparkException } from "../../errors/spark-exception.js";

/**
 * Spark's error when a task cannot get the memory it needs and has nothing left to spill
 * (SparkOutOfMemoryError, error class UNABLE_TO_ACQUIRE_MEMORY).
 */
export function unableToAcquireMemory(requested: number, received: number): SparkException {
  return new SparkException("SparkException", "UNABLE_TO_ACQUIRE_MEMORY", {
    requestedBytes: String(requested),
    receivedBytes: String(received),
  });
}

/** Told what an operator's reservations hold (exec/metrics: its peak memory), growth positive. */
export interface MemoryMeter {
  held(deltaBytes: number): void;
}

/** The meter of the operator whose code runs now on this thread (exec/metrics/metered-exec.ts). */
let currentMeter: MemoryMeter | undefined;

/** Makes `m` the current meter; returns the one before (to restore). */
export function setMemoryMeter(m: MemoryMeter | undefined): MemoryMeter | undefined {
  const prev = currentMeter;
  currentMeter = m;
  return prev;
}

/**
 * The execution memory of one thread's heap (each worker thread has its own V8 heap, so
 * each has its own pool: this module's state is per isolate), shared fairly by the tasks
 * running on it as in Spark's ExecutionMemoryPool: with N reservations active, each may
 * hold at most 1/N of the capacity. Buffers are estimated, not measured: an operator
 * reserves what it is about to hold and frees it when it lets go.
 */
export class MemoryPool {
  private used = 0;
  private readonly active = new Set<MemoryReservation>();

  /** Bytes currently reserved by all tasks on this thread. */
  get reserved(): number {
    return this.used;
  }

  /** Number of live reservations (tasks holding or able to hold memory). */
  get consumers(): number {
    return this.active.size;
  }

  /** A new, empty reservation for one operator of one task, against `capacity` bytes. */
  register(owner: string, capacity: number): MemoryReservation {
    const r = new MemoryReservation(this, owner, capacity, currentMeter);
    this.active.add(r);
    return r;
  }

  /** @internal: the bytes `r` may still take now (its fair share and what is free). */
  headroom(r: MemoryReservation): number {
    const share = Math.floor(r.capacity / Math.max(1, this.active.size));
    return Math.max(0, Math.min(share - r.size, r.capacity - this.used));
  }

  /** @internal */
  take(bytes: number): void {
    this.used += bytes;
  }

  /** @internal */
  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  /** @internal */
  unregister(r: MemoryReservation): void {
    this.active.delete(r);
  }
}

/**
 * One operator's claim on the pool (DataFusion's MemoryReservation): `tryGrow` asks for
 * more and says no past the budget (the operator then spills), `grow` must succeed or
 * raises UNABLE_TO_ACQUIRE_MEMORY (for buffers that cannot spill), `shrink`/`free` give
 * memory back. `close` frees everything and leaves the pool; call it when the task ends,
 * fails or is cancelled.
 */
export class MemoryReservation {
  private bytes = 0;
  private closed = false;

  constructor(
    private readonly pool: MemoryPool,
    readonly owner: string,
    readonly capacity: number,
    /** The operator that made the reservation, told of what it holds (absent: no profile). */
    private readonly meter?: MemoryMeter,
  ) {}

  /** Bytes held. */
  get size(): number {
    return this.bytes;
  }

  /** Takes `bytes` more when the budget allows; false (and nothing taken) otherwise. */
  tryGrow(bytes: number): boolean {
    if (bytes <= 0) return true;
    if (bytes > this.pool.headroom(this)) return false;
    this.bytes += bytes;
    this.pool.take(bytes);
    this.meter?.held(bytes);
    return true;
  }

  /** Takes `bytes` more or fails the task with Spark's out-of-memory error. */
  grow(bytes: number): void {
    if (!this.tryGrow(bytes)) throw unableToAcquireMemory(bytes, this.pool.headroom(this));
  }

  /** Gives back `bytes` (at most what is held). */
  shrink(bytes: number): void {
    const b = Math.min(bytes, this.bytes);
    this.bytes -= b;
    this.pool.release(b);
    this.meter?.held(-b);
  }

  /** Gives back everything held. */
  free(): void {
    this.shrink(this.bytes);
  }

  /** Frees everything and leaves the pool (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.free();
    this.pool.unregister(this);
  }
}

/** This thread's pool. */
export const MEMORY_POOL = new MemoryPool();
