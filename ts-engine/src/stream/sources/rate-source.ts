import { IllegalArgumentException } from "../../errors/spark-exception.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import { RATE_SCHEMA } from "../../plan/streaming-sources.js";
import { MetadataLog } from "../checkpoint/metadata-log.js";
import type { StreamSource } from "./stream-source.js";
import { longOption, optionOf, type StreamOptions } from "./stream-options.js";
import { durationSeconds } from "./duration.js";


/**
 * The rows a rate source has produced `seconds` after its start (Spark's
 * RateStreamProvider.valueAtSecond): the speed grows linearly to rowsPerSecond over rampUpTime.
 */
export function valueAtSecond(seconds: number, rowsPerSecond: number, rampUpSeconds: number): number {
  const delta = Math.floor(rowsPerSecond / (rampUpSeconds + 1));
  if (seconds <= rampUpSeconds) {
    // (1 + 2 + … + seconds) * delta
    return seconds % 2 === 1 ? ((seconds + 1) / 2) * delta * seconds : (seconds / 2) * delta * (seconds + 1);
  }
  return valueAtSecond(rampUpSeconds, rowsPerSecond, rampUpSeconds) + (seconds - rampUpSeconds) * rowsPerSecond;
}

/**
 * Rows `value` in [from, to), partition-major as Spark's rate partitions hand them out
 * (partition p holds from + p, from + p + n, …), each with its timestamp in microseconds.
 */
export function rateRows(from: number, to: number, numPartitions: number, timestampMicros: (v: number) => number): unknown[][] {
  const rows: unknown[][] = [];
  for (let p = 0; p < numPartitions; p++) {
    for (let v = from + p; v < to; v += numPartitions) rows.push([timestampMicros(v), v]);
  }
  return rows;
}

/**
 * `format("rate")`: rowsPerSecond rows every second since the query first started (its start
 * time is kept in the source's log, so a restart goes on where it was), ramping up over
 * rampUpTime; offsets are whole seconds since the start, as Spark's RateStreamMicroBatchStream.
 */
export class RateSource implements StreamSource {
  readonly schema = RATE_SCHEMA;
  readonly endless = true;
  readonly description: string;
  private readonly rowsPerSecond: number;
  private readonly rampUpSeconds: number;
  private readonly numPartitions: number;
  private startMs: number | undefined;
  private frozenSeconds: number | undefined;

  constructor(options: StreamOptions, defaultPartitions: number, private readonly log: MetadataLog, private readonly now: () => number = Date.now) {
    this.rowsPerSecond = longOption(options, "rowsPerSecond", 1);
    if (this.rowsPerSecond <= 0) throw new IllegalArgumentException(`Invalid value '${optionOf(options, "rowsPerSecond")}'. The option 'rowsPerSecond' must be positive`);
    const ramp = optionOf(options, "rampUpTime");
    this.rampUpSeconds = ramp === undefined ? 0 : durationSeconds(ramp);
    this.numPartitions = longOption(options, "numPartitions", defaultPartitions);
    if (this.numPartitions <= 0) throw new IllegalArgumentException(`Invalid value '${optionOf(options, "numPartitions")}'. The option 'numPartitions' must be positive`);
    // Spark's own text, without its closing bracket
    this.description = `RateStreamV2[rowsPerSecond=${this.rowsPerSecond}, rampUpTimeSeconds=${this.rampUpSeconds}, numPartitions=${optionOf(options, "numPartitions") ?? "default"}`;
  }

  private async start(): Promise<number> {
    if (this.startMs !== undefined) return this.startMs;
    const kept = await this.log.get(0);
    if (kept !== undefined && kept[0] !== undefined) this.startMs = Number(kept[0]);
    else {
      this.startMs = this.now();
      await this.log.add(0, [String(this.startMs)]);
    }
    return this.startMs;
  }

  async nextOffset(): Promise<string> {
    const seconds = Math.floor((this.now() - (await this.start())) / 1000);
    return String(this.frozenSeconds === undefined ? seconds : Math.min(seconds, this.frozenSeconds));
  }

  async freezeAvailable(): Promise<void> {
    this.frozenSeconds = Number(await this.nextOffset());
  }

  async planBatch(start: string | undefined, end: string): Promise<ParsedPlan> {
    const startMs = await this.start();
    const s0 = start === undefined ? 0 : Number(start);
    const s1 = Number(end);
    const from = valueAtSecond(s0, this.rowsPerSecond, this.rampUpSeconds);
    const to = valueAtSecond(s1, this.rowsPerSecond, this.rampUpSeconds);
    // Spark spreads a batch's rows evenly over its seconds
    const msPerValue = to > from ? ((s1 - s0) * 1000) / (to - from) : 0;
    const localStart = startMs + s0 * 1000;
    const rows = rateRows(from, to, this.numPartitions, (v) => (localStart + Math.round((v - from) * msPerValue)) * 1000);
    return { kind: "LocalRelation", schema: this.schema, rows, numPartitions: this.numPartitions };
  }
}

/** The offset of `format("rate-micro-batch")`: rows produced so far and the next batch's timestamp. */
interface RatePerBatchOffset {
  readonly offset: number;
  readonly timestamp: number;
}

function parseRateOffset(s: string): RatePerBatchOffset {
  const v = JSON.parse(s) as Partial<RatePerBatchOffset>;
  return { offset: Number(v.offset ?? 0), timestamp: Number(v.timestamp ?? 0) };
}

/**
 * `format("rate-micro-batch")`: exactly rowsPerBatch rows per batch, all stamped with the
 * batch's timestamp (startTimestamp, then advanceMillisPerBatch more each batch), as Spark's
 * RatePerMicroBatchStream; offsets `{"offset":rows,"timestamp":ms}`.
 */
export class RatePerMicroBatchSource implements StreamSource {
  readonly schema = RATE_SCHEMA;
  readonly endless = true;
  readonly description: string;
  private readonly rowsPerBatch: number;
  private readonly numPartitions: number;
  private readonly startTimestamp: number;
  private readonly advanceMs: number;

  constructor(options: StreamOptions, defaultPartitions: number) {
    this.rowsPerBatch = longOption(options, "rowsPerBatch", 0);
    if (this.rowsPerBatch <= 0) throw new IllegalArgumentException(`Invalid value '${optionOf(options, "rowsPerBatch") ?? 0}'. The option 'rowsPerBatch' must be positive`);
    this.numPartitions = longOption(options, "numPartitions", defaultPartitions);
    this.startTimestamp = longOption(options, "startTimestamp", 0);
    this.advanceMs = longOption(options, "advanceMillisPerBatch", 1000);
    this.description = `RatePerMicroBatchStream[rowsPerBatch=${this.rowsPerBatch}, numPartitions=${this.numPartitions}, startTimestamp=${this.startTimestamp}, advanceMsPerBatch=${this.advanceMs}]`;
  }

  async nextOffset(start: string | undefined): Promise<string> {
    const s = start === undefined ? { offset: 0, timestamp: this.startTimestamp } : parseRateOffset(start);
    return JSON.stringify({ offset: s.offset + this.rowsPerBatch, timestamp: s.timestamp + this.advanceMs });
  }

  async freezeAvailable(): Promise<void> {
    // never exhausted: AvailableNow runs one batch (endless)
  }

  async planBatch(start: string | undefined, end: string): Promise<ParsedPlan> {
    const s = start === undefined ? { offset: 0, timestamp: this.startTimestamp } : parseRateOffset(start);
    const e = parseRateOffset(end);
    const rows = rateRows(s.offset, e.offset, this.numPartitions, () => s.timestamp * 1000);
    return { kind: "LocalRelation", schema: this.schema, rows, numPartitions: this.numPartitions };
  }
}
