import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { captureStdout } from "./capture.js";

// The example imports the built package ("tspark" → ts-engine/dist), as a user's code would,
// so its functions run on the compiled worker threads.
const built = existsSync(fileURLToPath(new URL("../../dist/index.js", import.meta.url)));

describe("examples/node_rdd_udf.ts", () => {
  it.skipIf(!built)("runs RDD and UDF code with JavaScript functions", async () => {
    const out = await captureStdout(() => import("../../../examples/node_rdd_udf.ts"));
    expect(out).toContain('top words: [["the",3],["brown",1],["dog",1]]');
    expect(out).toContain("even multiples of 3 below 3,000,000: 500000");
    expect(out).toContain('by age: [["bob",25],["ann",31],["cy",40]]');
    expect(out).toContain('joined: [["ann",[31,"Oslo"]],["cy",[40,"Lima"]]]');
    expect(out).toContain("|  4| 16|");
    expect(out).toContain("|  1|  odd|");
    expect(out).toContain("An exception was thrown from the JavaScript function check:\nError: two is not allowed");
  });
});
