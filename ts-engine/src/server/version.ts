import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

function readVersion(): string {
  try {
    // src/server/version.ts and dist/server/version.js both sit two levels under ts-engine/.
    const pkg: unknown = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"));
    if (typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string") return pkg.version;
  } catch {
    // fall through: a missing package.json must not stop the engine
  }
  return "0.0.0";
}

/** The engine's version (ts-engine/package.json). */
export const ENGINE_VERSION = readVersion();

/** The Spark release whose semantics the engine follows. */
export const SPARK_VERSION = "4.0.1";
