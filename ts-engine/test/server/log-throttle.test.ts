import { describe, expect, it } from "vitest";
import { LogThrottle } from "../../src/server/log-throttle.js";

describe("LogThrottle", () => {
  it("passes the first lines of a window, counts the rest, and reports them when the next opens", () => {
    const lines: string[] = [];
    let t = 1_000_000;
    const th = new LogThrottle((l) => lines.push(l), 3, 10_000, () => t);
    for (let i = 0; i < 10; i++) th.write(`bad ${i}`);
    expect(lines).toEqual(["bad 0", "bad 1", "bad 2"]);
    t += 10_000;
    th.write("bad 10");
    expect(lines.slice(3)).toEqual(["… and 7 more like it in the last 10 s", "bad 10"]);
  });
});
