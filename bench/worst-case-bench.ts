import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { MAX_TEXT_FILE_BYTES } from "../src/importing/files/file-limits.ts";
import { importFile } from "../src/services/import-file.ts";
import { openApp } from "../src/services/open-app.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const SEED = join(import.meta.dirname, "../fixtures/conversations/seed-000.txt");
/** 30,000 characters (the longest message read) of each shape that once made a turn quadratic. */
const MESSAGES: Record<string, string> = {
  "ab ": "ab ".repeat(10_000),
  "（": "（".repeat(30_000),
  "0": "0".repeat(30_000),
  "预算和、": "预算和、".repeat(7_500),
  "a\\tb\\n": "a\tb\n".repeat(7_500),
};
const mib = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

/**
 * Worst cases of issue 16, one figure each with the RSS before and after: the slowest turn of a
 * 30,000-character message (each shape above, sent at the start, mid-way and at the end of the
 * seed conversation), and importing a 5 MB text file of two-cell rows (about 270,000 rows).
 */
export async function benchWorstCase(line: Line): Promise<void> {
  const seed = scriptMessages(readFileSync(SEED, "utf8"));
  const now = new Date("2026-11-21T09:00:00Z");
  let worst = { ms: 0, shape: "", after: 0 };
  const before = process.memoryUsage().rss;
  for (const [shape, text] of Object.entries(MESSAGES)) {
    for (const k of [0, 3, seed.length]) {
      const app = openApp(":memory:", () => "r1");
      for (const [i, m] of seed.slice(0, k).entries())
        app.chat.handle({ conversationKey: "b", userId: "u", messageId: `m${i}`, text: m, now });
      const t = process.hrtime.bigint();
      app.chat.handle({ conversationKey: "b", userId: "u", messageId: "long", text, now });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (ms > worst.ms) worst = { ms, shape: `${shape} after ${k} messages`, after: 0 };
      app.close();
    }
  }
  line("chat_turn_30k_message_ms", worst.ms, "ms", {
    worst: worst.shape,
    rss_before_mib: mib(before),
    rss_after_mib: mib(process.memoryUsage().rss),
  });

  const dir = mkdtempSync(join(tmpdir(), "ziping-bench-worst-"));
  try {
    const rows: string[] = [];
    let size = 0;
    for (let i = 0; ; i++) {
      const row = `名称${i}\t${i}\n`;
      size += Buffer.byteLength(row);
      if (size > MAX_TEXT_FILE_BYTES - 1024) break;
      rows.push(row);
    }
    const file = join(dir, "rows.txt");
    writeFileSync(file, rows.join(""));
    const rssBefore = process.memoryUsage().rss;
    const t = process.hrtime.bigint();
    const r = await importFile(file);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    line("text_import_5mb_ms", ms, "ms", {
      rows: rows.length,
      ok: r.ok,
      rss_before_mib: mib(rssBefore),
      rss_after_mib: mib(process.memoryUsage().rss),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
