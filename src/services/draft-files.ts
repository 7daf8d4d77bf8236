import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";
import { draftHeadings } from "../rendering/draft-blocks.ts";
import { checkDraftFile } from "./draft-file-check.ts";
import { type DraftedReport, draftDocx } from "./draft-report.ts";

/** How a drafted report becomes file bytes; tests inject a broken one to see it caught. */
export interface DraftWriters {
  docx: (drafted: DraftedReport, now: Date) => Promise<Uint8Array>;
  markdown: (drafted: DraftedReport) => Uint8Array;
}

const WRITERS: DraftWriters = {
  docx: draftDocx,
  markdown: (drafted) => Buffer.from(drafted.markdown, "utf8"),
};

/**
 * The bytes of a drafted report as the file at `path` (.docx → Word, else Markdown), read back and
 * checked to hold every heading of the draft (see draft-file-check.ts): a file missing one is a
 * failure naming the file and the heading, never delivered.
 */
export async function draftFileBytes(
  drafted: DraftedReport,
  path: string,
  now: Date,
  writers: DraftWriters = WRITERS,
): Promise<Result<Uint8Array>> {
  const bytes =
    extname(path).toLowerCase() === ".docx" ? await writers.docx(drafted, now) : writers.markdown(drafted);
  const checked = checkDraftFile(path, bytes, draftHeadings(drafted.blocks));
  return checked.ok ? ok(bytes) : checked;
}

/**
 * Writes a drafted report to each path (.md → Markdown, .docx → Word). A missing folder under the
 * working directory's out/ is created; any other missing folder is bad input (a typo should not
 * scatter folders). Every file is built and checked (`draftFileBytes`) before any is written; each
 * is written to a temporary name and renamed, so a reader never sees half a document. Files are
 * created 0600 and a created folder 0700: a report is its officer's.
 */
export async function writeDraftFiles(
  drafted: DraftedReport,
  paths: readonly string[],
  now: Date,
  writers: DraftWriters = WRITERS,
): Promise<Result<string[]>> {
  for (const path of paths) {
    const dir = dirname(path);
    if (existsSync(dir) && !statSync(dir).isDirectory())
      return fail("out.not_folder", `无法写入 ${path}：${dir} 不是文件夹。`, path);
    if (!existsSync(dir)) {
      if (dir === "out" || dir.startsWith("out/")) mkdirSync(dir, { recursive: true, mode: 0o700 });
      else
        return fail(
          "out.missing_folder",
          `无法写入 ${path}：文件夹 ${dir} 不存在，请先创建或换一个路径。`,
          path,
        );
    }
  }
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    const bytes = await draftFileBytes(drafted, path, now, writers);
    if (!bytes.ok) return bytes;
    files.push({ path, bytes: bytes.value });
  }
  for (const { path, bytes } of files) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes, { mode: 0o600 });
    renameSync(temporary, path);
  }
  return ok(files.map((f) => f.path));
}
