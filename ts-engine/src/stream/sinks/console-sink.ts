import type { ExecContext } from "../../exec/exec-context.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import type { ClientChannel, StreamSink } from "./stream-sink.js";
import { boolOption, longOption, optionOf, type StreamOptions } from "../sources/stream-options.js";

/** df.show's text of a plan (engine/query-engine's showQuery). */
export type ShowText = (plan: ParsedPlan, numRows: number, truncate: number, vertical: boolean, ctx: ExecContext) => Promise<string>;

const RULE = "-------------------------------------------";

/**
 * `format("console")`: each batch printed where the client prints (its stdout), as Spark's
 * ConsoleSink prints on the driver: the `Batch: N` header between rules, then show()'s table
 * (numRows rows, default 20; truncate, default true) as df.show() prints it.
 */
export class ConsoleSink implements StreamSink {
  readonly description: string;
  private readonly numRows: number;
  private readonly truncate: number;

  constructor(options: StreamOptions, private readonly show: ShowText, private readonly channel: ClientChannel) {
    this.numRows = longOption(options, "numRows", 20);
    const t = optionOf(options, "truncate");
    this.truncate = t === undefined || boolOption(options, "truncate", true) ? 20 : 0;
    this.description = `org.apache.spark.sql.execution.streaming.ConsoleTable$`;
  }

  supports(): boolean {
    return true;
  }

  async addBatch(batchId: number, plan: ParsedPlan, _mode: unknown, ctx: ExecContext): Promise<number> {
    const table = await this.show(plan, this.numRows, this.truncate, false, ctx);
    await this.channel.deliver({ kind: "console", batchId, text: `${RULE}\nBatch: ${batchId}\n${RULE}\n${table}\n` }, ctx.signal);
    return -1;
  }
}
