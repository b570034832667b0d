import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { abortFiles, commitFiles, stagingDirOf } from "../../src/io/file-committer.js";
import { tempDir } from "../temp-dir.js";

function stage(target: string, files: Record<string, string>): string {
  const staging = stagingDirOf(target, `job${Math.random().toString(36).slice(2)}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
    writeFileSync(path.join(staging, rel), text);
  }
  return staging;
}

const visible = (d: string): string[] => readdirSync(d).filter((n) => !n.startsWith(".")).sort();

describe("commitFiles", () => {
  it("creates the target with the files and _SUCCESS, leaving no staging behind", async () => {
    const root = tempDir("commit-");
    const target = path.join(root, "out");
    const staging = stage(target, { "part-0": "a" });
    await commitFiles({ target, staging, mode: "create", files: ["part-0"] });
    expect(visible(target)).toEqual(["_SUCCESS", "part-0"]);
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("overwrite keeps the earlier data until the commit, then replaces it whole", async () => {
    const root = tempDir("commit-");
    const target = path.join(root, "out");
    mkdirSync(target);
    writeFileSync(path.join(target, "old"), "old");
    const staging = stage(target, { "part-1": "new" });
    expect(visible(target)).toEqual(["old"]);
    await commitFiles({ target, staging, mode: "overwrite", files: ["part-1"] });
    expect(visible(target)).toEqual(["_SUCCESS", "part-1"]);
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("append adds files beside the existing ones; dynamic overwrite replaces only written partitions", async () => {
    const root = tempDir("commit-");
    const target = path.join(root, "out");
    mkdirSync(path.join(target, "k=1"), { recursive: true });
    mkdirSync(path.join(target, "k=2"), { recursive: true });
    writeFileSync(path.join(target, "k=1", "a"), "1");
    writeFileSync(path.join(target, "k=2", "b"), "2");
    await commitFiles({ target, staging: stage(target, { "k=2/c": "3" }), mode: "append", files: ["k=2/c"] });
    expect(visible(path.join(target, "k=2"))).toEqual(["b", "c"]);
    await commitFiles({ target, staging: stage(target, { "k=2/d": "4" }), mode: "overwrite-dynamic", files: ["k=2/d"] });
    expect(visible(path.join(target, "k=1"))).toEqual(["a"]);
    expect(visible(path.join(target, "k=2"))).toEqual(["d"]);
    expect(readFileSync(path.join(target, "k=2", "d"), "utf8")).toBe("4");
  });

  it("abort removes the staging directory and leaves the target untouched", async () => {
    const root = tempDir("commit-");
    const target = path.join(root, "out");
    const staging = stage(target, { "part-0": "x" });
    await abortFiles(staging);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});
