import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WORKLOADS } from "../../src/bench/workload-list.js";
import { isRddKey, nodeRunsRddKey } from "../../src/bench/workloads-rdd.js";

const run = fileURLToPath(new URL("../../dist/bench/run.js", import.meta.url));
const venvPython = fileURLToPath(new URL("../../../.venv/bin/python", import.meta.url));
const ready = existsSync(run) && existsSync(venvPython);

describe.skipIf(!ready)("npm run bench -- --quick (needs `npm run build` and .venv)", () => {
  it("runs every workload on every tspark side and the answers agree", () => {
    const r = spawnSync(process.execPath, [run, "--quick", "--threads", "2"], { encoding: "utf8", timeout: 880_000 });
    const out = r.stdout;
    expect(out, r.stderr).toContain("bench OK: every answer agrees");
    expect(r.status).toBe(0);
    expect(out).toMatch(/^workload\s+tspark-node 2t \(s\)\s+tspark-node 1t \(s\)\s+speed-up\s+tspark-py 2t \(s\)/m);
    for (const [key, label] of WORKLOADS) {
      if (isRddKey(key) && !nodeRunsRddKey(key)) {
        // pandas_udf: the Python client's row alone (Node has no pandas)
        expect(out.split("\n").find((l) => l.startsWith(`OK   ${label}:`)), key).toMatch(/tspark-py 2t/);
        continue;
      }
      // Each workload has a row with tspark times and an OK line naming both Node runs and the Python client.
      const row = out.split("\n").find((l) => l.startsWith(label));
      expect(row, key).toMatch(/\d\.\d{3}\s+\d\.\d{3}\s+\d+\.\d{2}x\s+\d\.\d{3}/);
      const ok = out.split("\n").find((l) => l.startsWith(`OK   ${label}:`));
      expect(ok, key).toMatch(/tspark-node 2t|tspark-node 1t/);
      expect(ok, key).toMatch(/tspark-py 2t/);
    }
    expect(out).not.toMatch(/^DIFF/m);
  }, 900_000);
});
