import type { Reply } from "../../conversation/replies.ts";
import { renderTable } from "../../rendering/text-table.ts";

const LEVEL = { error: "✗ ", warn: "⚠ ", info: "· " } as const;

/** Renders the engine's replies as terminal text. */
export function renderReplies(replies: readonly Reply[]): string {
  const out: string[] = [];
  for (const reply of replies) {
    switch (reply.type) {
      case "text":
        out.push(reply.text);
        break;
      case "notice":
        out.push(`${LEVEL[reply.level]}${reply.text}`);
        break;
      case "table":
        out.push(renderTable(reply.title, reply.columns, reply.rows));
        if (reply.note !== undefined && reply.note !== "") out.push(reply.note);
        break;
      case "question": {
        const lines = [`[已完成 ${reply.progress.done}/${reply.progress.total} 项] ${reply.text}`];
        if (reply.choices !== undefined) lines.push(...reply.choices.map((c, i) => `  ${i + 1}. ${c.label}`));
        if (reply.example !== undefined && reply.example !== "") lines.push(`  例如：${reply.example}`);
        out.push(lines.join("\n"));
        break;
      }
      case "confirm":
        out.push(`${reply.text}  [${reply.choices.map((c) => c.label).join(" / ")}]`);
        break;
    }
  }
  return out.join("\n");
}
