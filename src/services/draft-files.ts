import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";
import { type DraftedReport, draftDocx } from "./draft-report.ts";

/**
 * Writes a drafted report to each path (.md → Markdown, .docx → Word). A missing folder under the
 * working directory's out/ is created; any other missing folder is bad input (a typo should not
 * scatter folders). Each file is written to a temporary name and renamed, so a reader never sees
 * half a document. Files are created 0600 and a created folder 0700: a report is its officer's.
 */
export async function writeDraftFiles(
  drafted: DraftedReport,
  paths: readonly string[],
  now: Date,
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
  const written: string[] = [];
  for (const path of paths) {
    const bytes =
      extname(path).toLowerCase() === ".docx"
        ? await draftDocx(drafted, now)
        : Buffer.from(drafted.markdown, "utf8");
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes, { mode: 0o600 });
    renameSync(temporary, path);
    written.push(path);
  }
  return ok(written);
}
