import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChannelCapabilities, ChannelOutbound, OutboundMessage } from "../../services/channel-port.ts";
import { writeDraftFiles } from "../../services/draft-files.ts";
import { deliveryLines } from "./delivery-text.ts";
import type { CliIo } from "./output.ts";
import { renderReplies } from "./render-text.ts";

/** What the terminal can show: text tables and files in a folder; no buttons, no updates. */
const TERMINAL_CAPABILITIES: ChannelCapabilities = {
  buttons: false,
  messageUpdates: false,
  tables: true,
  files: true,
};

/**
 * The channel port's outbound side for the terminal chat: messages are printed; a drafted report's
 * data (JSON) is exported under `outDir` when drafting starts, and its files are written there as
 * `<report id>.md` and `.docx` (folder 0700, files 0600: the officer's own).
 */
export function terminalOutbound(io: CliIo, outDir: string): ChannelOutbound {
  return {
    capabilities: TERMINAL_CAPABILITIES,
    async send(message: OutboundMessage) {
      for (const line of terminalLines(message, outDir)) io.out(line);
      return undefined;
    },
    async update() {
      throw new Error("the terminal cannot update a printed message");
    },
    async upload(files, reportId) {
      const base = join(outDir, reportId);
      const ordered = [...files].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "markdown" ? -1 : 1));
      return writeDraftFiles(
        ordered.map((f) => ({ ...f, name: `${base}.${f.kind === "docx" ? "docx" : "md"}` })),
      );
    },
  };
}

/** What the terminal prints for a message (the drafting notice also exports the report's data). */
function terminalLines(message: OutboundMessage, outDir: string): string[] {
  switch (message.kind) {
    case "replies":
      return [renderReplies(message.replies)];
    case "duplicate":
      return ["（这条消息之前已处理过，未重复保存）"];
    case "drafting": {
      const { delivery } = message;
      mkdirSync(outDir, { recursive: true, mode: 0o700 });
      const data = join(outDir, `${delivery.reportId}.json`);
      writeFileSync(data, `${JSON.stringify(delivery.doc, null, 2)}\n`, { mode: 0o600 });
      return [
        `已导出报告数据：${data}`,
        message.model === undefined ? "正在起草……" : `正在请模型 ${message.model} 起草叙述部分……`,
      ];
    }
    case "delivered":
      return [deliveryLines(message.summary, message.files).join("\n")];
    case "delivery-failed":
      return [message.message];
  }
}
