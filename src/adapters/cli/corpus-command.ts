import { join } from "node:path";
import { corpusDocumentsFromFiles } from "../../services/copy-corpus.ts";
import { PROJECT_ROOT } from "../../services/project-root.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type CliIo, EXIT, pad, type WithZiping } from "./output.ts";

/** The four public seed reports shipped with ziping: a starter corpus. */
export const SEED_DIR = join(PROJECT_ROOT, "fixtures/seeds");

/**
 * `ziping corpus add <files or folders...>`: adds reports to the copy-detection corpus of the
 * database, all in one transaction — a file that cannot be read adds nothing. The same text twice is
 * kept once. `ziping corpus seeds` adds the shipped seed reports.
 */
export async function corpusAddCommand(
  io: CliIo,
  withZiping: WithZiping,
  /** How the corpus is named to the user: the SQLite file, or "PostgreSQL host:port/db". */
  where: string,
  paths: readonly string[],
  now: Date,
  skipUnreadable = false,
): Promise<number> {
  const docs = await corpusDocumentsFromFiles(paths, skipUnreadable);
  if (!docs.ok) {
    io.err(`${docs.error.message}\n语料库没有改动。`);
    return EXIT.badInput;
  }
  const { docs: found, withoutText, skipped } = docs.value;
  if (found.length === 0 && withoutText.length === 0 && skipped.length === 0) {
    io.err("没有找到报告文件（.txt .md .docx .xlsx .pdf .json）。例如：ziping corpus add 报告文件夹/");
    return EXIT.badInput;
  }
  return withZiping(async (ziping) => {
    const result = await ziping.addToCorpus(found, now);
    for (const why of skipped) io.out(`未加入（读不了）：${why.replace(/\n/g, "\n    ")}`);
    for (const title of withoutText) io.out(`未加入（没有叙述文字，无从比对）：${title}`);
    for (const [i, doc] of found.entries()) {
      const added = result.added[i] === true;
      io.out(
        `${added ? "已加入" : "已在语料库中"}：${doc.agency} ${doc.year ?? ""}年度（${doc.title ?? doc.source}）`,
      );
    }
    io.out(`语料库（${where}）现有 ${result.size} 份报告。`);
    return EXIT.ok;
  });
}

/** `ziping corpus list [--json]`: the reports in the corpus. */
export async function corpusListCommand(io: CliIo, ziping: Ziping, json: boolean): Promise<number> {
  {
    const docs = await ziping.corpusDocuments();
    if (json) {
      io.out(JSON.stringify(docs, null, 2));
      return EXIT.ok;
    }
    if (docs.length === 0) {
      io.out("语料库是空的。用 ziping corpus add <报告文件> 加入，或 ziping corpus seeds 加入示例报告。");
      return EXIT.ok;
    }
    io.out(`${pad("编号", 6)}${pad("单位", 34)}${pad("年度", 6)}${pad("字数", 8)}来源`);
    for (const d of docs)
      io.out(
        `${pad(String(d.id), 6)}${pad(d.agency, 34)}${pad(String(d.year ?? "—"), 6)}${pad(String(d.chars), 8)}${d.source ?? ""}`,
      );
    io.out(`共 ${docs.length} 份。`);
    return EXIT.ok;
  }
}
