import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TurnResult } from "../../services/chat-service.ts";
import type { App } from "../../services/open-app.ts";
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

  /** Sends one message; a message id seen before is answered from the record and changes nothing. */
  send(text: string, messageId: string): TurnResult {
    const turn = this.app.chat.handle({
      conversationKey: this.key,
      userId: this.user,
      messageId,
      text,
      now: this.clock(),
    });
    this.show(turn);
    return turn;
  }

  private show(turn: TurnResult): void {
    if (turn.duplicate) {
      this.io.out("（这条消息之前已处理过，未重复保存）");
      return;
    }
    this.io.out(renderReplies(turn.replies));
    for (const d of turn.deliveries) {
      mkdirSync(this.outDir, { recursive: true });
      const file = join(this.outDir, `${d.reportId}.json`);
      writeFileSync(file, `${JSON.stringify(d.doc, null, 2)}\n`);
      this.io.out(`已导出报告数据：${file}（Word/Markdown 草稿见 ziping draft，开发中）`);
    }
  }
}
