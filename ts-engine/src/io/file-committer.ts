import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * How a finished write's files are made visible. Tasks write into a staging directory next
 * to the target (hidden: its name starts with "."), so readers of the target never see a
 * partial write; this moves the staged files into place in a few renames, after every task
 * succeeded, and writes `_SUCCESS`. Spark's FileOutputCommitter stages under
 * `<target>/_temporary` and deletes an overwritten target before the job runs; staging beside
 * the target instead keeps the earlier data readable until the commit, and a failed or
 * killed write leaves the target as it was (the staging directory is removed, or ignored as
 * hidden by every reader if the process died).
 */
export interface CommitJob {
  /** The output path (local, absolute). */
  readonly target: string;
  readonly staging: string;
  /** Whether the target exists and must be merged with (append) rather than created. */
  readonly mode: "create" | "append" | "overwrite" | "overwrite-dynamic";
  /** The staged files, relative to `staging` (`k=v/part-…` under partitions). */
  readonly files: readonly string[];
}

/** The hidden staging directory of a write to `target` (beside it, so renames stay on one file system). */
export function stagingDirOf(target: string, jobId: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.tspark-staging-${jobId}`);
}

async function exists(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null)) !== null;
}

/** Moves `from` out of the way (a hidden sibling) and returns where it went, to delete once the new data is in place. */
async function setAside(from: string): Promise<string> {
  const trash = path.join(path.dirname(from), `.${path.basename(from)}.tspark-old-${randomUUID()}`);
  await rename(from, trash);
  return trash;
}

/** Makes a job's staged files visible at its target (see CommitJob). */
export async function commitFiles(job: CommitJob): Promise<void> {
  const { target, staging } = job;
  await writeFile(path.join(staging, "_SUCCESS"), "");
  await mkdir(path.dirname(target), { recursive: true });
  if (job.mode === "create" || !(await exists(target))) {
    await rename(staging, target);
    return;
  }
  if (job.mode === "overwrite") {
    const old = await setAside(target);
    await rename(staging, target);
    await rm(old, { recursive: true, force: true });
    return;
  }
  if (job.mode === "overwrite-dynamic") {
    // only the partition directories this write produced are replaced (Spark's dynamic mode)
    const dirs = [...new Set(job.files.map((f) => path.dirname(f)).filter((d) => d !== "."))];
    const old: string[] = [];
    for (const d of dirs) {
      const dest = path.join(target, d);
      if (await exists(dest)) old.push(await setAside(dest));
      await mkdir(path.dirname(dest), { recursive: true });
      await rename(path.join(staging, d), dest);
    }
    for (const o of old) await rm(o, { recursive: true, force: true });
  } else {
    for (const f of job.files) {
      const dest = path.join(target, f);
      await mkdir(path.dirname(dest), { recursive: true });
      await rename(path.join(staging, f), dest);
    }
  }
  await rename(path.join(staging, "_SUCCESS"), path.join(target, "_SUCCESS"));
  await rm(staging, { recursive: true, force: true });
}

/** Removes a failed job's staging directory. */
export async function abortFiles(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
