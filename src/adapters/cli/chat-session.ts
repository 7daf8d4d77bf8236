import type { ChannelLog } from "../../services/channel-turns.ts";
import { deliverThrough, runTurn } from "../../services/channel-turns.ts";
import type { TurnResult } from "../../services/chat-service.ts";
import type { Ziping } from "../../services/ziping.ts";
import type { CliIo } from "./output.ts";
import { terminalOutbound } from "./terminal-outbound.ts";

/**
 * A terminal conversation of one user: each message goes through the channel port's turn runner
 * (services/channel-turns.ts) with the terminal's outbound side (terminal-outbound.ts).
 */
export class ChatSession {
  readonly key: string;
  private readonly out;
  private readonly log: ChannelLog;
  constructor(
    private readonly ziping: Ziping,
    private readonly io: CliIo,
    readonly user: string,
    outDir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.key = `cli:${user}`;
    this.out = terminalOutbound(io, outDir);
    this.log = {
      info: () => {},
      error: (message, error) =>
        io.err(`${message}：${error instanceof Error ? error.message : String(error)}`),
    };
  }

  /** Shows where the conversation stands (a new one gets the greeting and the first question). */
  async resume(): Promise<void> {
    await this.turn("", null, true);
  }

  /**
   * Drafts again what an earlier 生成报告 asked for and never finished (the process stopped while
   * drafting): the request was committed with its turn, so it is not lost.
   */
  async finishPending(): Promise<void> {
    for (const d of await this.ziping.pendingDeliveries(this.key)) {
      this.io.out(`上次“生成报告”（报告 ${d.reportId}）没有完成，现在接着生成：`);
      await deliverThrough(this.ziping, this.out, d, this.clock, this.log);
    }
  }

  /**
   * Sends one message; a message id seen before is answered from the record and changes nothing.
   * The answer is committed before the reply is printed; a requested report is then drafted and
   * written (Markdown and Word) under the output folder.
   */
  send(text: string, messageId: string): Promise<TurnResult> {
    return this.turn(text, messageId, false);
  }

  private turn(text: string, id: string | null, resume: boolean): Promise<TurnResult> {
    return runTurn(
      this.ziping,
      this.out,
      { id, conversation: this.key, user: this.user, text, resume },
      this.clock,
      this.log,
    );
  }
}
