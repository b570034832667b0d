import type { Logger } from "./request-context.js";

/**
 * At most `perWindow` lines per `windowMs` through `log`; the rest are counted and summed up in
 * one line when the next window opens. A client flooding the engine with garbage frames must not
 * flood its log (and the disk under it) with one line per frame.
 */
export class LogThrottle {
  private windowStart = 0;
  private inWindow = 0;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly perWindow = 20,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Logs `line` unless this window's quota is spent. */
  write(line: string): void {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      if (this.suppressed > 0) this.log(`… and ${this.suppressed} more like it in the last ${Math.round((t - this.windowStart) / 1000)} s`);
      this.windowStart = t;
      this.inWindow = 0;
      this.suppressed = 0;
    }
    if (this.inWindow < this.perWindow) {
      this.inWindow++;
      this.log(line);
    } else {
      this.suppressed++;
    }
  }
}
