import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { parseScheme } from "../scoring/scheme-registry.ts";
import { PROJECT_ROOT } from "./project-root.ts";

/** Folder of the installed scheme files: a new region is a new JSON file here. */
export const SCHEME_DIR = join(PROJECT_ROOT, "src/scoring/schemes");

/** Reads and validates a JSON file, returning a Chinese message naming the file on failure. */
export function readJsonFile(path: string): Result<unknown> {
  if (!existsSync(path))
    return fail("file.not_found", `找不到文件 ${path}。请检查路径，例如 fixtures/reports/seed-000.json`);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return fail("file.unreadable", `无法读取文件 ${path}：${(e as Error).message}`);
  }
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, "")));
  } catch (e) {
    return fail(
      "file.bad_json",
      `文件 ${path} 不是有效的 JSON：${(e as Error).message}。请用 JSON 编辑器检查括号和逗号。`,
    );
  }
}

/** Every installed scheme, validated. A broken file is reported, not skipped silently. */
export function installedSchemes(dir = SCHEME_DIR): Result<Scheme[]> {
  const schemes: Scheme[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const data = readJsonFile(join(dir, file));
    if (!data.ok) return data;
    const scheme = parseScheme(data.value, file);
    if (!scheme.ok) return scheme;
    schemes.push(scheme.value);
  }
  return ok(schemes);
}

/** Resolves `--scheme ID|FILE`: a path to a JSON file, or the id of an installed scheme. */
export function loadScheme(idOrFile: string, dir = SCHEME_DIR): Result<Scheme> {
  if (idOrFile.endsWith(".json") || idOrFile.includes("/")) {
    const path = resolve(idOrFile);
    const data = readJsonFile(path);
    return data.ok ? parseScheme(data.value, idOrFile) : data;
  }
  // Installed files are named after their id (a test keeps it so): read only the one asked for.
  const path = join(dir, `${idOrFile}.json`);
  if (/^[a-z0-9-]+$/.test(idOrFile) && existsSync(path)) {
    const data = readJsonFile(path);
    if (!data.ok) return data;
    const scheme = parseScheme(data.value, `${idOrFile}.json`);
    if (!scheme.ok || scheme.value.id === idOrFile) return scheme;
    return fail(
      "scheme.id_mismatch",
      `方案文件 ${idOrFile}.json 的 id 是“${scheme.value.id}”，应与文件名一致。`,
    );
  }
  const all = installedSchemes(dir);
  if (!all.ok) return all;
  return fail(
    "scheme.unknown",
    `未知的评分方案“${idOrFile}”。已安装的方案：${all.value.map((s) => s.id).join("、")}。也可以给出方案文件路径，例如 --scheme ./my-scheme.json`,
  );
}
