import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { openApp } from "../src/app/open-app.ts";
import { TEXT_LIMITS } from "../src/importing/files/content-limits.ts";
import { MAX_TEXT_FILE_BYTES } from "../src/importing/files/file-limits.ts";
import { importFile } from "../src/services/import-file.ts";

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
 * seed conversation); importing a 5 MB text file of two-cell rows (273,203 rows: refused on its
 * characters since issue 16), and the slowest text file accepted (rows of a name and an amount up to
 * the character limit: 87,922 rows, 3.8 MB, 2 million characters). `cpu_ms` is the import's CPU time.
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
        await app.chat.handle({ conversationKey: "b", userId: "u", messageId: `m${i}`, text: m, now });
      const t = process.hrtime.bigint();
      await app.chat.handle({ conversationKey: "b", userId: "u", messageId: "long", text, now });
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
    // The file that once took 52 s (two-cell rows up to 5 MB): now over the line and character limits.
    const rows = fillRows((i) => `名称${i}\t${i}\n`, MAX_TEXT_FILE_BYTES - 1024, Number.POSITIVE_INFINITY);
    await timeImport(line, "text_import_5mb_ms", join(dir, "rows.txt"), rows);
    // The slowest accepted: as many rows as the line limit allows, within 5 MB and the character limit.
    const largest = fillRows(
      (i) => `指标名称第${i}项的说明\t${i}万元\n`,
      MAX_TEXT_FILE_BYTES,
      TEXT_LIMITS.chars,
      TEXT_LIMITS.lines - 1,
    );
    await timeImport(line, "text_import_largest_accepted_ms", join(dir, "largest.txt"), largest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows made by `row` while they stay within `bytes`, `chars` and `lines`. */
function fillRows(
  row: (i: number) => string,
  bytes: number,
  chars: number,
  lines = Number.POSITIVE_INFINITY,
) {
  const rows: string[] = [];
  let [size, length] = [0, 0];
  for (let i = 0; rows.length < lines; i++) {
    const text = row(i);
    size += Buffer.byteLength(text);
    length += text.length;
    if (size > bytes || length > chars) break;
    rows.push(text);
  }
  return rows;
}

/** Writes `rows` to `file`, imports it, and gives the wall time, CPU time, outcome and RSS. */
async function timeImport(line: Line, figure: string, file: string, rows: string[]): Promise<void> {
  writeFileSync(file, rows.join(""));
  const rssBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  const r = await importFile(file);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const used = process.cpuUsage(cpu);
  line(figure, ms, "ms", {
    cpu_ms: Math.round((used.user + used.system) / 1000),
    rows: rows.length,
    mib: mib(Buffer.byteLength(rows.join(""))),
    ok: r.ok,
    ...(r.ok ? {} : { refused: r.error.message }),
    rss_before_mib: mib(rssBefore),
    rss_after_mib: mib(process.memoryUsage().rss),
  });
}
