import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The report files `ziping review` reads under a folder; anything else is counted and passed over
 * (report JSON is read only when named: a folder's .json is more likely a previous review.json).
 */
const REPORT_FILE = /\.(txt|md|markdown|docx|xlsx|pdf|png|jpe?g)$/i;

/** The most files one review reads, so a mistaken folder (a whole drive) still ends in time. */
export const FILE_LIMIT = 5000;

/** A path passed over while walking, and why (in Chinese). */
interface Skipped {
  path: string;
  code: "symlink_loop" | "link_seen" | "not_found" | "unreadable_dir" | "out_dir";
  reason: string;
}

/** What a walk found: the files to review, in a stable order, and what it passed over. */
export interface FoundFiles {
  files: string[];
  /** Report files found, including those past the limit. */
  seen: number;
  /** Files under the folders that are not reports. */
  other: number;
  overLimit: boolean;
  skipped: Skipped[];
}

/**
 * The report files under `inputs` (files named directly, or folders walked recursively, entries in
 * code-point order, depth first), at most `limit` of them: a file or folder reached twice — through a
 * symbolic link, a link to an outer folder (a loop), or named twice — is read once, by the real path
 * it resolves to. Links pointing outside the folders are followed, once.
 */
export function findReportFiles(
  inputs: readonly string[],
  limit = FILE_LIMIT,
  outDir: string | undefined = undefined,
): FoundFiles {
  const found: FoundFiles = { files: [], seen: 0, other: 0, overLimit: false, skipped: [] };
  const seen = new Set<string>();
  const out = outDir === undefined ? undefined : realOrSelf(outDir);
  const addFile = (path: string, real: string, named: boolean) => {
    if (!named && !REPORT_FILE.test(path)) {
      found.other++;
      return;
    }
    if (seen.has(real)) {
      found.skipped.push({
        path,
        code: "link_seen",
        reason: `${path} 与已读取的 ${real} 是同一个文件（经由链接或重复给出），只读一次`,
      });
      return;
    }
    seen.add(real);
    found.seen++;
    if (found.files.length < limit) found.files.push(path);
    else found.overLimit = true;
  };
  const walk = (dir: string, real: string, ancestors: readonly string[]) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      found.skipped.push({
        path: dir,
        code: "unreadable_dir",
        reason: `无法打开文件夹 ${dir}（没有读取权限或已被删除），其中的文件未审阅`,
      });
      return;
    }
    for (const name of names) visit(join(dir, name), [...ancestors, real], false);
  };
  const visit = (path: string, ancestors: readonly string[], named: boolean) => {
    let real: string;
    let isDir: boolean;
    try {
      real = realpathSync(path);
      isDir = statSync(real).isDirectory();
    } catch {
      const link = lstatSafe(path);
      found.skipped.push({
        path,
        code: "not_found",
        reason: link
          ? `${path} 是指向不存在位置的链接，未审阅`
          : `找不到 ${path}。请检查路径，例如 ziping review 报告文件夹/`,
      });
      return;
    }
    if (!isDir) {
      addFile(path, real, named);
      return;
    }
    if (ancestors.includes(real)) {
      found.skipped.push({
        path,
        code: "symlink_loop",
        reason: `${path} 链接回到上层文件夹 ${real}，形成循环，未再进入`,
      });
      return;
    }
    if (real === out) {
      found.skipped.push({
        path,
        code: "out_dir",
        reason: `${path} 是本次审阅结果（--out）的文件夹，其中的文件不作为报告审阅`,
      });
      return;
    }
    if (seen.has(real)) {
      found.skipped.push({
        path,
        code: "link_seen",
        reason: `${path} 与已读取的文件夹 ${real} 是同一个（经由链接或重复给出），只读一次`,
      });
      return;
    }
    seen.add(real);
    walk(path, real, ancestors);
  };
  for (const input of inputs) visit(input, [], true);
  return found;
}

/** The real path of `path`, or `path` itself when it does not exist yet. */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** True when `path` itself exists (a link, even a dangling one). */
function lstatSafe(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
