import type { AttributeRef } from "../../expr/expr.js";
import type { InMemoryRelation } from "../logical-plan.js";
import type { StorageLevel } from "../storage-level.js";
import { invariant } from "./check.js";

/**
 * A scan of cache entry `cacheId` reading `columns` (ordinals of `relationOutput`; all of
 * them when omitted).
 */
export function inMemoryRelation(
  cacheId: number,
  relationOutput: readonly AttributeRef[],
  storageLevel: StorageLevel,
  cachedPlanLines: readonly string[],
  sizeInBytes: number,
  columns: readonly number[] = relationOutput.map((_, i) => i),
  checkpoint = false,
): InMemoryRelation {
  invariant(Number.isInteger(cacheId) && cacheId >= 0, "InMemoryRelation", () => `cacheId ${cacheId}`);
  invariant(
    columns.every((c) => Number.isInteger(c) && c >= 0 && c < relationOutput.length),
    "InMemoryRelation",
    () => `columns ${columns.join(",")} of ${relationOutput.length}`,
  );
  const output = columns.map((c) => relationOutput[c]!);
  return Object.freeze({ kind: "InMemoryRelation", cacheId, relationOutput, columns, output, storageLevel, cachedPlanLines, sizeInBytes, ...(checkpoint ? { checkpoint: true as const } : {}) });
}
