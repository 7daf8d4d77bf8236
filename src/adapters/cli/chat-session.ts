import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Delivery, TurnResult } from "../../services/chat-service.ts";
import { draftDelivery } from "../../services/draft-delivery.ts";
import { writeDraftFiles } from "../../services/draft-files.ts";
import type { DraftEnv } from "../../services/draft-report.ts";
import type { App } from "../../services/open-app.ts";
import { draftSummary } from "./draft-command.ts";
import type { CliIo } from "./output.ts";
import { renderReplies } from "./render-text.ts";

/** A terminal conversation of one user: sends messages to the chat service and prints the replies. */
export class ChatSession {
  readonly key: string;
  constructor(
    private readonly app: App,
    private readonly io: CliIo,
    readonly user: string,
    private readonly outDir: string,
    private readonly drafting: DraftEnv,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.key = `cli:${user}`;
  }

  /** Shows where the conversation stands (a new one gets the greeting and the first question). */
  resume(): void {
    const turn = this.app.chat.handle({
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
    for (const d of this.app.chat.pendingDeliveries(this.key)) {
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
    const turn = this.app.chat.handle({
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
    if (this.drafting.llm !== undefined)
      this.io.out(`正在请模型 ${this.drafting.llm.port.model} 起草叙述部分……`);
    else this.io.out("正在起草……");
    const drafted = await draftDelivery(d, this.app.schemes, this.drafting);
    if (!drafted.ok) {
      this.io.out(drafted.error.message);
      this.app.chat.finishDelivery(d, this.clock());
      return;
    }
    const base = join(this.outDir, d.reportId);
    const written = await writeDraftFiles(drafted.value, [`${base}.md`, `${base}.docx`], this.clock());
    if (!written.ok) {
      this.io.out(written.error.message);
      return;
    }
    this.app.chat.finishDelivery(d, this.clock());
    this.io.out(draftSummary(drafted.value, written.value).join("\n"));
  }
}
