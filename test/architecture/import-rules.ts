import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";

/**
 * The layering of src/ as a rule over import statements (docs/architecture.md, habits 1 and 2):
 * - the pure folders (core, numbers, scoring, checks, conversation, drafting) import no Node
 *   built-in, no storage/services/app/adapters and none of the I/O libraries;
 * - importing and rendering turn bytes into data and data into bytes: they may use compression,
 *   paths and worker threads, but not the file system, the network, storage, services, app or adapters;
 * - storage imports no services, app or adapters; services import no app or adapters;
 * - an adapter never imports another adapter (a channel is parse + render + transport only), and
 *   never storage: it is handed the composed service (services/ziping.ts) and names storage types
 *   through services; only the CLI's entry point (adapters/cli/main.ts, which src/main.ts and the
 *   bundle start) reaches src/app, to open the service for the command that needs it.
 * Only src/app and src/main.ts compose adapters with the rest.
 */

/** One source file: its path relative to the project root ("src/scoring/score.ts") and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A broken rule: the importing file, what it imports and which rule forbids it. */
export interface ImportViolation {
  file: string;
  specifier: string;
  rule: string;
}

const PURE = new Set(["core", "numbers", "scoring", "checks", "conversation", "drafting"]);
const BYTES = new Set(["importing", "rendering"]);
const IO_PACKAGES = /^(openai|@slack\/|better-sqlite3|pg($|\/)|pg-boss|ws$)/;
/** Built-ins that reach outside the process: files, sockets, processes. */
const IO_BUILTINS = /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|dgram|tls|dns|os|cluster)$/;
const BUILTIN = /^node:/;
/** The CLI's entry point: it opens the composed service (through src/app) for the command run. */
const CLI_ENTRY = "src/adapters/cli/main.ts";

/** The layer a file of src/ belongs to: its first folder ("scoring"), "adapters/slack", or the file name. */
export function layerOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] !== "src") return "outside";
  if (parts[1] === "adapters") return `adapters/${parts[2] ?? ""}`;
  return parts.length > 2 ? (parts[1] ?? "") : (parts[1] ?? "").replace(/\.ts$/, "");
}

/** The module specifiers a file imports (static, dynamic and re-exports); type-only imports count too. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
  for (const match of text.matchAll(pattern)) if (match[1] !== undefined) found.push(match[1]);
  return found;
}

/** Why `from` may not import `specifier`, or null when it may. */
function ruleBroken(from: string, specifier: string): string | null {
  const fromLayer = layerOf(from);
  const target = specifier.startsWith(".") ? layerOf(posix.join(posix.dirname(from), specifier)) : null;
  const inner =
    target !== null &&
    (target === "storage" ||
      target === "services" ||
      target === "app" ||
      target === "main" ||
      target.startsWith("adapters/"));
  if (PURE.has(fromLayer)) {
    if (inner) return `纯逻辑目录 ${fromLayer} 不得依赖 ${target}`;
    if (target === null && BUILTIN.test(specifier)) return `纯逻辑目录 ${fromLayer} 不得使用 Node 内置模块`;
    if (target === null && IO_PACKAGES.test(specifier)) return `纯逻辑目录 ${fromLayer} 不得使用 I/O 库`;
    return null;
  }
  if (BYTES.has(fromLayer)) {
    if (inner) return `${fromLayer} 只做字节与数据的转换，不得依赖 ${target}`;
    if (target === null && (IO_BUILTINS.test(specifier) || IO_PACKAGES.test(specifier)))
      return `${fromLayer} 不得读写文件或网络`;
    return null;
  }
  if (
    fromLayer === "storage" &&
    target !== null &&
    (target === "services" || target === "app" || target === "main" || target.startsWith("adapters/"))
  )
    return `storage 不得依赖 ${target}`;
  if (
    fromLayer === "services" &&
    target !== null &&
    (target === "app" || target === "main" || target.startsWith("adapters/"))
  )
    return `services 不得依赖 ${target}（由 src/app 组装）`;
  if (fromLayer.startsWith("adapters/") && target?.startsWith("adapters/") && target !== fromLayer)
    return `${fromLayer} 不得依赖另一个适配器 ${target}`;
  if (fromLayer.startsWith("adapters/") && target === "storage")
    return `${fromLayer} 不得直接依赖 storage（经由 services 的用例与类型）`;
  if (fromLayer.startsWith("adapters/") && target === "app" && from !== CLI_ENTRY)
    return `${fromLayer} 不得依赖 src/app（服务由组装层交给适配器）`;
  return null;
}

/** Every import in `files` that breaks the layering, in file order. */
export function importViolations(files: readonly SourceFile[]): ImportViolation[] {
  return files.flatMap((file) =>
    importsOf(file.text).flatMap((specifier) => {
      const rule = ruleBroken(file.path, specifier);
      return rule === null ? [] : [{ file: file.path, specifier, rule }];
    }),
  );
}

/** The .ts and .mjs files under `root`/src, with paths relative to `root`. */
export function sourceFiles(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mjs)$/.test(entry.name))
        out.push({ path: relative(root, full).split("\\").join("/"), text: readFileSync(full, "utf8") });
    }
  };
  walk(join(root, "src"));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
