import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";
import { draftHeadings } from "../rendering/draft-blocks.ts";
import { checkDraftFile } from "./draft-file-check.ts";
import { type DraftedReport, draftDocx } from "./draft-report.ts";

/** The two forms a drafted report is delivered in. */
export type DraftFileKind = "docx" | "markdown";

/** One delivered file: its name (a bare name for an upload, a path for the terminal), bytes and form. */
export interface DraftFile {
  name: string;
  bytes: Uint8Array;
  kind: DraftFileKind;
}

/** How a drafted report becomes file bytes; tests inject a broken one to see it caught. */
export interface DraftWriters {
  docx: (drafted: DraftedReport, now: Date) => Promise<Uint8Array>;
  markdown: (drafted: DraftedReport) => Uint8Array;
}

const WRITERS: DraftWriters = {
  docx: draftDocx,
  markdown: (drafted) => Buffer.from(drafted.markdown, "utf8"),
};

/** The form a file name asks for: .docx → Word, anything else Markdown. */
function draftFileKind(name: string): DraftFileKind {
  return name.toLowerCase().endsWith(".docx") ? "docx" : "markdown";
}

/**
 * The bytes of a drafted report as each named file (.docx → Word, else Markdown), each read back
 * and checked to hold every heading of the draft (see draft-file-check.ts): a file missing one is a
 * failure naming the file and the heading, and no file is returned.
 */
export async function buildDraftFiles(
  drafted: DraftedReport,
  names: readonly string[],
  now: Date,
  writers: DraftWriters = WRITERS,
): Promise<Result<DraftFile[]>> {
  const files: DraftFile[] = [];
  for (const name of names) {
    const kind = draftFileKind(name);
    const bytes = kind === "docx" ? await writers.docx(drafted, now) : writers.markdown(drafted);
    const checked = checkDraftFile(name, bytes, draftHeadings(drafted.blocks));
    if (!checked.ok) return checked;
    files.push({ name, bytes, kind });
  }
  return ok(files);
}

/**
 * Checks that every path can be written: a missing folder under the working directory's out/ is
 * created (0700: a report is its officer's); any other missing folder is bad input (a typo should
 * not scatter folders).
 */
export function prepareOutputFolders(paths: readonly string[]): Result<void> {
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
  return ok(undefined);
}

/**
 * Writes built files at their names (paths), folders checked first (`prepareOutputFolders`); each
 * is written to a temporary name and renamed, so a reader never sees half a document. Files are
 * created 0600.
 */
export function writeDraftFiles(files: readonly DraftFile[]): Result<string[]> {
  const folders = prepareOutputFolders(files.map((f) => f.name));
  if (!folders.ok) return folders;
  for (const { name, bytes } of files) {
    const temporary = `${name}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes, { mode: 0o600 });
    renameSync(temporary, name);
  }
  return ok(files.map((f) => f.name));
}
