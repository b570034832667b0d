import { describe, expect, it } from "vitest";
import { createEngineServices, workerThreadsFromEnv } from "../../src/engine/services.js";

describe("TSPARK_WORKER_THREADS", () => {
  it("is unset or blank: no limit", () => {
    expect(workerThreadsFromEnv({})).toBeUndefined();
    expect(workerThreadsFromEnv({ TSPARK_WORKER_THREADS: " " })).toBeUndefined();
  });

  it("gives the worker-thread count", () => {
    expect(workerThreadsFromEnv({ TSPARK_WORKER_THREADS: "1" })).toBe(1);
    expect(workerThreadsFromEnv({ TSPARK_WORKER_THREADS: "3" })).toBe(3);
  });

  it("rejects what is not a positive integer, naming the variable", () => {
    for (const bad of ["0", "-2", "1.5", "two"]) {
      expect(() => workerThreadsFromEnv({ TSPARK_WORKER_THREADS: bad })).toThrow(/TSPARK_WORKER_THREADS must be a positive integer, got/);
    }
  });

  it("sizes the services' parallelism when no explicit parallelism is given", () => {
    const before = process.env["TSPARK_WORKER_THREADS"];
    process.env["TSPARK_WORKER_THREADS"] = "1";
    try {
      expect(createEngineServices().parallelism).toBe(1);
      expect(createEngineServices({ parallelism: 2 }).parallelism).toBe(2);
    } finally {
      if (before === undefined) delete process.env["TSPARK_WORKER_THREADS"];
      else process.env["TSPARK_WORKER_THREADS"] = before;
    }
  });
});
