import type { CacheManager } from "./cache-manager.js";

/**
 * The checkpoints one session made (df.checkpoint / localCheckpoint): their saved rows are
 * entries of the engine's cache, which live as long as the session (Spark keeps a
 * checkpoint's files until its context ends) and are freed when it is released.
 */
export class SessionCheckpoints {
  private readonly held: { readonly cache: CacheManager; readonly id: number }[] = [];
  /** Records cache entry `id` as one of this session's checkpoints. */
  add(cache: CacheManager, id: number): void {
    this.held.push({ cache, id });
  }

  /** Frees the checkpoint saved under `checkpointId` (a streaming foreachBatch's batch, once the function returned). */
  async free(checkpointId: string): Promise<void> {
    const i = this.held.findIndex(({ cache, id }) => cache.get(id)?.checkpointId === checkpointId);
    if (i < 0) return;
    const [{ cache, id }] = this.held.splice(i, 1) as [{ readonly cache: CacheManager; readonly id: number }];
    await cache.drop(id);
  }

  /** Frees every checkpoint of the session. */
  async freeAll(): Promise<void> {
    for (const { cache, id } of this.held.splice(0)) await cache.drop(id);
  }
}
