import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { displayWidth } from "../src/core/display-width.ts";
import { renderPages } from "./render-pages.ts";

/**
 * Regenerates the README's first-report walkthrough from the code as it is:
 *
 *   node --import tsx scripts/readme-pictures.ts
 *
 * 1. runs `ziping chat --script first-report.txt --db r.db --user officer` in a fresh temporary folder (no .env,
 *    no model, no Slack: the deterministic drafter) with docs/examples/first-report.txt;
 * 2. keeps the whole terminal output as docs/examples/first-report.out.txt (the README quotes it,
 *    shortened with “……”);
 * 3. draws parts of it as terminal pictures, docs/images/chat-*.png, with @napi-rs/canvas and the
 *    Noto Sans Mono CJK SC face (taken out of NotoSansCJK-Regular.ttc: `apt-get install
 *    fonts-noto-cjk`) for Chinese and DejaVu Sans Mono for the rest, on a grid where a character
 *    takes the cells ziping's own tables count (displayWidth: Chinese two, the rest one);
 * 4. renders the drafted .docx to PNG pages with scripts/render-pages.ts (LibreOffice and poppler)
 *    and keeps two of them as docs/images/first-report-page-*.png.
 *
 * Step 4 is skipped with a message when LibreOffice or poppler is missing; the other files are
 * still written. Exit code 1 when the chat fails or the font is missing.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPT = join(ROOT, "docs/examples/first-report.txt");
const TRANSCRIPT = join(ROOT, "docs/examples/first-report.out.txt");
const IMAGES = join(ROOT, "docs/images");
const FONT_FILES = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"];
const FONT_FAMILY = "Noto Sans Mono CJK SC";

/** Which messages of the scripted conversation each picture shows (1-based), and its file name. */
const PICTURES: { file: string; messages: number[]; header?: boolean }[] = [
  { file: "chat-01-start.png", messages: [1, 2, 3], header: true },
  { file: "chat-02-paste.png", messages: [6, 7] },
  { file: "chat-03-score.png", messages: [8, 9, 10] },
  { file: "chat-04-draft.png", messages: [14, 15] },
];

/** Pages of the drafted .docx kept for the README (1-based). */
const PAGES = [1, 3];

/** Columns of the drawn terminal; longer lines wrap. */
const COLUMNS = 96;
const CELL_W = 9;
const CELL_H = 21;
const PAD = 16;

const WIDE_FONT = `15px "${FONT_FAMILY}"`;
const NARROW_FONT = `15px "DejaVu Sans Mono", "Liberation Mono", "${FONT_FAMILY}"`;

const COLORS = {
  background: "#1e1f22",
  text: "#d7d7d7",
  officer: "#8fd18f",
  marker: "#7aa6da",
  saved: "#70c0c0",
  refused: "#e07070",
  question: "#e6c07b",
};

/**
 * The face named `family` out of a TrueType/OpenType collection (.ttc) as a stand-alone font file:
 * its table directory rewritten with the offsets of the copied tables. Undefined when the
 * collection has no face of that name.
 */
export function faceFromCollection(ttc: Buffer, family: string): Buffer | undefined {
  if (ttc.toString("ascii", 0, 4) !== "ttcf") return undefined;
  const faces = ttc.readUInt32BE(8);
  for (let i = 0; i < faces; i++) {
    const dir = ttc.readUInt32BE(12 + 4 * i);
    const tables = ttc.readUInt16BE(dir + 4);
    const records = Array.from({ length: tables }, (_, t) => {
      const r = dir + 12 + 16 * t;
      return {
        tag: ttc.toString("ascii", r, r + 4),
        sum: ttc.readUInt32BE(r + 4),
        offset: ttc.readUInt32BE(r + 8),
        length: ttc.readUInt32BE(r + 12),
      };
    });
    const name = records.find((r) => r.tag === "name");
    if (name === undefined || !fullNames(ttc, name.offset).includes(family)) continue;
    const head = 12 + 16 * tables;
    const chunks: Buffer[] = [];
    const out = Buffer.alloc(head);
    ttc.copy(out, 0, dir, dir + 12);
    let at = head;
    records.forEach((r, t) => {
      out.write(r.tag, 12 + 16 * t, "ascii");
      out.writeUInt32BE(r.sum, 12 + 16 * t + 4);
      out.writeUInt32BE(at, 12 + 16 * t + 8);
      out.writeUInt32BE(r.length, 12 + 16 * t + 12);
      const padded = Buffer.alloc(Math.ceil(r.length / 4) * 4);
      ttc.copy(padded, 0, r.offset, r.offset + r.length);
      chunks.push(padded);
      at += padded.length;
    });
    return Buffer.concat([out, ...chunks]);
  }
  return undefined;
}

/** The Windows-platform full names (name id 4) of a `name` table. */
function fullNames(font: Buffer, offset: number): string[] {
  const count = font.readUInt16BE(offset + 2);
  const strings = offset + font.readUInt16BE(offset + 4);
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    const r = offset + 6 + 12 * k;
    if (font.readUInt16BE(r) !== 3 || font.readUInt16BE(r + 6) !== 4) continue;
    const bytes = font.subarray(
      strings + font.readUInt16BE(r + 10),
      strings + font.readUInt16BE(r + 10) + font.readUInt16BE(r + 8),
    );
    let s = "";
    for (let j = 0; j + 1 < bytes.length; j += 2) s += String.fromCharCode(bytes.readUInt16BE(j));
    names.push(s);
  }
  return names;
}

/** A line cut into pieces of at most `columns` cells; a tab counts as two spaces. */
export function wrap(line: string, columns: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let used = 0;
  for (const ch of line.replace(/\t/g, "  ")) {
    const w = displayWidth(ch);
    if (used + w > columns) {
      pieces.push(piece);
      piece = "";
      used = 0;
    }
    piece += ch;
    used += w;
  }
  pieces.push(piece);
  return pieces;
}

/** The colour of a line of the transcript, by what it is. */
function colorOf(line: string, officer: boolean): string {
  if (line.startsWith(">>> ")) return COLORS.marker;
  if (officer) return COLORS.officer;
  if (line === "ziping：") return COLORS.marker;
  if (line.startsWith("已记录") || line.startsWith("已写入") || line.startsWith("已导出"))
    return COLORS.saved;
  if (line.startsWith("✗")) return COLORS.refused;
  if (/^\[已完成 /.test(line)) return COLORS.question;
  return COLORS.text;
}

/** Draws transcript lines as a terminal window into a PNG file. */
function drawTerminal(lines: string[], file: string): void {
  const rows: { text: string; color: string }[] = [];
  let officer = false;
  for (const line of lines) {
    if (line.startsWith(">>> ")) officer = true;
    else if (line === "ziping：") officer = false;
    const color = colorOf(line, officer && !line.startsWith(">>> "));
    for (const piece of wrap(line, COLUMNS)) rows.push({ text: piece, color });
  }
  const canvas = createCanvas(COLUMNS * CELL_W + 2 * PAD, rows.length * CELL_H + 2 * PAD);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = "top";
  rows.forEach((row, r) => {
    ctx.fillStyle = row.color;
    let col = 0;
    for (const ch of row.text) {
      // Narrow characters (ASCII, ─, ×, ≥, “”) from a Latin monospace face, as a terminal shows them.
      ctx.font = displayWidth(ch) === 2 ? WIDE_FONT : NARROW_FONT;
      ctx.fillText(ch, PAD + col * CELL_W, PAD + r * CELL_H + 2);
      col += displayWidth(ch);
    }
  });
  writeFileSync(file, canvas.toBuffer("image/png"));
}

/** The transcript cut at its `>>> [n/m]` markers: the opening lines, then each message with its replies. */
export function splitTranscript(text: string): { header: string[]; messages: string[][] } {
  const parts = text.split(/\n(?=>>> \[\d+\/\d+\] )/u);
  const [header = "", ...messages] = parts;
  const lines = (s: string) => s.replace(/\n+$/u, "").split("\n");
  return { header: lines(header), messages: messages.map(lines) };
}

function main(): number {
  const fontFile = FONT_FILES.find((f) => existsSync(f));
  const face = fontFile === undefined ? undefined : faceFromCollection(readFileSync(fontFile), FONT_FAMILY);
  if (face === undefined) {
    console.error(`没有找到字体 ${FONT_FAMILY}：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）`);
    return 1;
  }
  GlobalFonts.register(face, FONT_FAMILY);

  const work = mkdtempSync(join(tmpdir(), "ziping-readme-"));
  try {
    copyFileSync(SCRIPT, join(work, "first-report.txt"));
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (/^(OPENAI_|LLM_|SLACK_|ZIPING_DB)/.test(key)) delete env[key];
    // The chat acts as the login name; --user keeps the transcript the same on every machine (the
    // fresh r.db is this account's own, so it may name the user).
    const chat = spawnSync(
      process.execPath,
      [
        join(ROOT, "bin/ziping.js"),
        "chat",
        "--script",
        "first-report.txt",
        "--db",
        "r.db",
        "--user",
        "officer",
      ],
      { cwd: work, env, encoding: "utf8" },
    );
    if (chat.status !== 0) {
      console.error(`对话失败（退出码 ${chat.status}）：\n${chat.stderr}`);
      return 1;
    }
    writeFileSync(TRANSCRIPT, chat.stdout);
    console.log(`已写入 ${TRANSCRIPT}`);

    const { header, messages } = splitTranscript(chat.stdout);
    for (const picture of PICTURES) {
      const lines = [
        ...(picture.header === true ? [...header, ""] : []),
        ...picture.messages.flatMap((n, i) => [...(i > 0 ? [""] : []), ...(messages[n - 1] ?? [])]),
      ];
      drawTerminal(lines, join(IMAGES, picture.file));
      console.log(`已写入 ${join(IMAGES, picture.file)}`);
    }

    const docx = readdirSync(join(work, "out")).find((f) => f.endsWith(".docx"));
    if (docx === undefined) {
      console.error("对话没有生成 .docx，未渲染页面。");
      return 1;
    }
    const pages = renderPages(join(work, "out", docx), join(work, "pages"), { dpi: 60 });
    if (!pages.ok) {
      console.error(`未渲染页面：${pages.error.message}`);
      return 0;
    }
    for (const page of PAGES) {
      const image = pages.value.images[page - 1];
      if (image === undefined) continue;
      const target = join(IMAGES, `first-report-page-${String(page).padStart(2, "0")}.png`);
      copyFileSync(image, target);
      console.log(`已写入 ${target}（共 ${pages.value.pages} 页）`);
    }
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
