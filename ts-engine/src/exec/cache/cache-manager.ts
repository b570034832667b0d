import type { ColumnBatch } from "../../columnar/batch.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { AttributeRef } from "../../expr/expr.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import { StorageLevel } from "../../plan/storage-level.js";
import type { StructType } from "../../types/data-type.js";
import { executionMemory } from "../memory/memory-size.js";
import type { PhysicalPlan } from "../physical-plan.js";
import type { ExplainNotes } from "../explain-notes.js";
import { CacheStore, type CacheStoreStats } from "./cache-store.js";
import { samePlan } from "./same-plan.js";

/** One cached query: what `persist` registered, and its partitions once materialised. */
export interface CacheEntry {
  readonly id: number;
  /** The client's plan of the cached frame: later plans that contain it read the cache. */
  readonly parsed: ParsedPlan;
  readonly output: readonly AttributeRef[];
  readonly schema: StructType;
  readonly level: StorageLevel;
  /** The cached query's physical plan, run to materialise the entry. */
  readonly physical: PhysicalPlan;
  readonly planLines: readonly string[];
  readonly sizeInBytes: number;
  /** What formatted explain prints about `physical` (under the InMemoryRelation of a scan of it). */
  readonly notes?: ExplainNotes;
  /**
   * Set on a checkpoint's saved rows (df.checkpoint / localCheckpoint): the frame's plan is a
   * LocalRelation naming this id, matched by it alone; neither unpersist nor clearCache drops
   * the entry, only its session's end (exec/cache/session-checkpoints.ts).
   */
  readonly checkpointId?: string;
}

interface EntryState {
  readonly entry: CacheEntry;
  /** Partitions stored, once materialised. */
  partitions: number | null;
  loading: Promise<Materialised> | null;
}

/**
 * A materialised entry as one query reads it: its partition count, and when this query
 * computed it, the partitions themselves (`computed`), so that the query reads them even
 * when the store could not keep them all (MEMORY_ONLY past the budget).
 */
export interface Materialised {
  readonly partitions: number;
  readonly computed: readonly (readonly ColumnBatch[])[] | null;
}

/** Runs a physical plan and returns its output partition by partition (the scheduler's job). */
export type PartitionRunner = (plan: PhysicalPlan) => Promise<ColumnBatch[][]>;

/**
 * The process-wide cache of persisted queries (Spark's CacheManager, shared by all sessions
 * of the engine): `register` on persist/cache, `lookup` while analysing later queries (their
 * matching subtrees become InMemoryRelations), `materialise` by the first query that reads
 * an entry (its plan runs as tasks on the worker threads; each partition is stored in shared
 * memory), `unpersist` to drop it. Materialising once serves queries that wait on it together.
 */
export class CacheManager {
  private readonly entries: EntryState[] = [];
  private readonly store = new CacheStore();
  private nextId = 0;

  /** Whether nothing is cached (queries then skip the lookup). */
  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** The entry whose plan matches `plan`, if any. */
  lookup(plan: ParsedPlan): CacheEntry | undefined {
    if (plan.kind === "LocalRelation" && plan.checkpointId !== undefined) return this.entries.find((s) => s.entry.checkpointId === plan.checkpointId)?.entry;
    for (const s of this.entries) if (s.entry.parsed.kind === plan.kind && samePlan(s.entry.parsed, plan)) return s.entry;
    return undefined;
  }

  /** Entry `id`, while it is registered. */
  get(id: number): CacheEntry | undefined {
    return this.state(id)?.entry;
  }

  private state(id: number): EntryState | undefined {
    return this.entries.find((s) => s.entry.id === id);
  }

  /**
   * Registers a query to cache; nothing runs until a query reads it. A plan that is already
   * cached keeps its entry and level (Spark: "Asked to cache already cached data").
   */
  register(e: Omit<CacheEntry, "id">): CacheEntry {
    const found = e.checkpointId === undefined ? this.lookup(e.parsed) : undefined;
    if (found !== undefined) return found;
    const entry: CacheEntry = { ...e, id: this.nextId++ };
    this.entries.push({ entry, partitions: null, loading: null });
    return entry;
  }

  /** Drops the entry matching `plan` and its stored partitions; false when nothing matched. */
  async unpersist(plan: ParsedPlan): Promise<boolean> {
    const found = this.lookup(plan);
    // a checkpoint's rows are not a cache: unpersisting its frame keeps them, as in Spark
    if (found === undefined || found.checkpointId !== undefined) return false;
    return this.drop(found.id);
  }

  /** Drops entry `id` and its stored partitions (a checkpoint's, when its session ends); false when absent. */
  async drop(id: number): Promise<boolean> {
    const i = this.entries.findIndex((s) => s.entry.id === id);
    if (i < 0) return false;
    const [s] = this.entries.splice(i, 1);
    if (s !== undefined && s.partitions !== null) await this.store.removeEntry(id, s.partitions);
    return true;
  }

  /** The storage level of the entry matching `plan` (StorageLevel.NONE when not cached). */
  levelOf(plan: ParsedPlan): StorageLevel {
    return this.lookup(plan)?.level ?? StorageLevel.NONE;
  }

  /**
   * Makes entry `id` readable: computes it with `run` unless it is stored whole (a
   * partition dropped by eviction makes it compute again).
   */
  async materialise(id: number, conf: SqlConf, run: PartitionRunner): Promise<Materialised> {
    const s = this.state(id);
    if (s === undefined) throw new InternalError(`cached relation ${id} was unpersisted while a query read it`);
    if (s.partitions !== null && this.store.complete(id, s.partitions)) return { partitions: s.partitions, computed: null };
    if (s.loading !== null) return s.loading;
    const load = async (): Promise<Materialised> => {
      if (s.partitions !== null) await this.store.removeEntry(id, s.partitions);
      s.partitions = null;
      const parts = await run(s.entry.physical);
      const budget = executionMemory(conf);
      for (let p = 0; p < parts.length; p++) await this.store.put(id, p, s.entry.schema, parts[p]!, s.entry.level, budget, conf);
      // unpersisted while it ran: nothing may stay behind
      if (!this.entries.includes(s)) {
        await this.store.removeEntry(id, parts.length);
        throw new InternalError(`cached relation ${id} was unpersisted while a query read it`);
      }
      s.partitions = parts.length;
      return { partitions: parts.length, computed: parts };
    };
    s.loading = load().finally(() => {
      s.loading = null;
    });
    return s.loading;
  }

  /** Partition `p` of entry `id`, which `materialise` made readable. */
  async read(id: number, p: number): Promise<readonly ColumnBatch[]> {
    const got = await this.store.read(id, p);
    if (got === null) throw new InternalError(`cached partition ${id}:${p} was evicted while a query read it`);
    return got;
  }

  /** Whether entry `id` is stored whole now. */
  isMaterialised(id: number): boolean {
    const s = this.state(id);
    return s !== undefined && s.partitions !== null && this.store.complete(id, s.partitions);
  }

  /** What the store holds. */
  stats(): CacheStoreStats {
    return this.store.stats();
  }

  /** Drops every entry but the checkpoints' (spark.catalog.clearCache). */
  async clear(): Promise<void> {
    for (const s of this.entries.filter((x) => x.entry.checkpointId === undefined)) await this.drop(s.entry.id);
  }
}
