import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { captureStdout } from "./capture.js";

// The example imports the built package ("tspark" → ts-engine/dist), as a user's code would.
const built = existsSync(fileURLToPath(new URL("../../dist/index.js", import.meta.url)));

describe("examples/node_quickstart.ts", () => {
  // Skipped only before `npm run build` has produced ts-engine/dist.
  it.skipIf(!built)("runs and prints PySpark's tables", async () => {
    const out = await captureStdout(() => import("../../../examples/node_quickstart.ts"));
    expect(out).toContain(
      [
        "+------+------+------+--------+",
        "|region| total|orders|products|",
        "+------+------+------+--------+",
        "|  east|122.49|     2|       1|",
        "| north|  30.0|     2|       2|",
        "| south|  17.5|     2|       2|",
        "+------+------+------+--------+",
      ].join("\n"),
    );
    expect(out).toContain("Row(total=71428928571)\n71428928571\n");
  });
});
