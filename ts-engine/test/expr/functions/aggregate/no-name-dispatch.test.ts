import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { registeredAggregates } from "../../../../src/expr/functions/registry.js";

const SRC = fileURLToPath(new URL("../../../../src/", import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("aggregates are found through their registry entry", () => {
  it("no planner, optimizer or operator code compares a call with an aggregate's name", () => {
    const names = registeredAggregates().map((d) => d.name.replace(/[^a-z_]/g, ""));
    const alt = names.join("|");
    // `=== "sum"`, `"sum" ===`, `case "sum":`, `.startsWith("first")`: how name dispatch looks
    const dispatch = new RegExp(`([!=]==\\s*"(${alt})")|("(${alt})"\\s*[!=]==)|(case\\s+"(${alt})":)|(startsWith\\("(${alt}))`);
    const hits = ["exec", "optimizer", "plan"]
      .flatMap((d) => tsFiles(join(SRC, d)))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => ({ where: `${f.slice(SRC.length)}:${i + 1}`, line }))
          .filter((l) => dispatch.test(l.line)),
      );
    expect(hits).toEqual([]);
    expect(names).toContain("count");
  });
});
