import { describe, expect, it } from "vitest";
import { AckWindow } from "../../src/server/flow-control.js";

describe("AckWindow", () => {
  it("gives out seqs while fewer than the limit are unacknowledged", async () => {
    const w = new AckWindow(new AbortController().signal, 2);
    expect(await w.acquire()).toBe(0);
    expect(await w.acquire()).toBe(1);
    let third: number | undefined;
    const p = w.acquire().then((s) => (third = s));
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBeUndefined();
    w.ack(0);
    await p;
    expect(third).toBe(2);
  });

  it("treats acks as cumulative and ignores stale ones", async () => {
    const w = new AckWindow(new AbortController().signal, 2);
    await w.acquire();
    await w.acquire();
    w.ack(1);
    w.ack(0);
    expect(await w.acquire()).toBe(2);
    expect(await w.acquire()).toBe(3);
  });

  it("rejects a waiting acquire when the request is cancelled", async () => {
    const c = new AbortController();
    const w = new AckWindow(c.signal, 1);
    await w.acquire();
    const p = w.acquire();
    c.abort();
    await expect(p).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
  });

  it("gives up when the client stops acknowledging", async () => {
    const w = new AckWindow(new AbortController().signal, 1, 30);
    await w.acquire();
    await expect(w.acquire()).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
  });
});
