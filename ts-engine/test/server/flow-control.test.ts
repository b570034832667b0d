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

  it("drops a stream within seconds once its client has gone silent, not after the ack timeout", async () => {
    let silent = 0;
    const w = new AckWindow(new AbortController().signal, 1, 60_000, () => silent, 500);
    await w.acquire();
    const t0 = Date.now();
    const p = w.acquire();
    silent = 2000;
    await expect(p).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("keeps waiting for a slow reader whose client still pings", async () => {
    const w = new AckWindow(new AbortController().signal, 1, 60_000, () => 100, 500);
    await w.acquire();
    const p = w.acquire();
    await new Promise((r) => setTimeout(r, 1500));
    w.ack(0);
    await expect(p).resolves.toBe(1);
  });
});
