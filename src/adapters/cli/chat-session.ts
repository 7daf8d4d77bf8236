import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Delivery, TurnResult } from "../../services/chat-service.ts";
import { writeDraftFiles } from "../../services/draft-files.ts";
import type { Ziping } from "../../services/ziping.ts";
import { deliveryLines } from "./delivery-text.ts";
import type { CliIo } from "./output.ts";
import { renderReplies } from "./render-text.ts";

/** A terminal conversation of one user: sends messages to the chat service and prints the replies. */
export class ChatSession {
  readonly key: string;
  constructor(
    private readonly ziping: Ziping,
    private readonly io: CliIo,
    readonly user: string,
    private readonly outDir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.key = `cli:${user}`;
  }

  /** Shows where the conversation stands (a new one gets the greeting and the first question). */
  resume(): void {
    const turn = this.ziping.handle({
      conversationKey: this.key,
      userId: this.user,
      messageId: null,
      text: "",
      now: this.clock(),
      resume: true,
    });
    this.show(turn);
  }

  /**
   * Drafts again what an earlier 生成报告 asked for and never finished (the process stopped while
   * drafting): the request was committed with its turn, so it is not lost.
   */
  async finishPending(): Promise<void> {
    for (const d of this.ziping.pendingDeliveries(this.key)) {
      this.io.out(`上次“生成报告”（报告 ${d.reportId}）没有完成，现在接着生成：`);
      await this.deliver(d);
    }
  }

  /**
   * Sends one message; a message id seen before is answered from the record and changes nothing.
   * The answer is committed before the reply is printed; a requested report is then drafted and
   * written (Markdown and Word) under the output folder.
   */
  async send(text: string, messageId: string): Promise<TurnResult> {
    const turn = this.ziping.handle({
      conversationKey: this.key,
      userId: this.user,
      messageId,
      text,
      now: this.clock(),
    });
    this.show(turn);
    if (!turn.duplicate) for (const d of turn.deliveries) await this.deliver(d);
    return turn;
  }

  private show(turn: TurnResult): void {
    if (turn.duplicate) {
      this.io.out("（这条消息之前已处理过，未重复保存）");
      return;
    }
    this.io.out(renderReplies(turn.replies));
  }

  /** Writes the report data, then drafts it to .md and .docx; an incomplete report says what is missing. */
  private async deliver(d: Delivery): Promise<void> {
    // The officer's own files: 0700 folder, 0600 files (not the umask's world-readable 0644).
    mkdirSync(this.outDir, { recursive: true, mode: 0o700 });
    const data = join(this.outDir, `${d.reportId}.json`);
    writeFileSync(data, `${JSON.stringify(d.doc, null, 2)}\n`, { mode: 0o600 });
    this.io.out(`已导出报告数据：${data}`);
    const model = this.ziping.model;
    this.io.out(model === undefined ? "正在起草……" : `正在请模型 ${model} 起草叙述部分……`);
    const base = join(this.outDir, d.reportId);
    const delivered = await this.ziping.deliverDraft(d, {
      names: [`${base}.md`, `${base}.docx`],
      now: this.clock(),
    });
    if (!delivered.ok) {
      this.io.out(delivered.error.message);
      return;
    }
    const written = writeDraftFiles(delivered.value.files);
    if (!written.ok) {
      this.io.out(written.error.message);
      return;
    }
    this.io.out(deliveryLines(delivered.value.summary, written.value).join("\n"));
  }
}
