import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleOptions, ROOT } from "../../scripts/build.js";

let outputs: Metafile["outputs"];

beforeAll(async () => {
  const result = await build({ ...bundleOptions(ROOT), write: false, metafile: true, logLevel: "silent" });
  outputs = result.metafile.outputs;
}, 60_000);

/** The bundle file made for `source` (the entry, or a module the CLI imports when a command runs). */
function outputOf(source: string): string {
  const found = Object.entries(outputs).find(([, o]) => o.entryPoint === source);
  if (found === undefined) throw new Error(`no output for ${source}`);
  return found[0];
}

/** The packages (not node: builtins) that loading `files` loads, through static imports only. */
function packagesLoaded(...files: string[]): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...files];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? []) {
      if (i.kind !== "import-statement") continue;
      if (!i.external) queue.push(i.path);
      else if (!i.path.startsWith("node:"))
        packages.add(
          i.path
            .split("/")
            .slice(0, i.path.startsWith("@") ? 2 : 1)
            .join("/"),
        );
    }
  }
  return [...packages].sort();
}

/** What running a command loads: the entry, and the modules its case in main.ts imports. */
const command = (...modules: string[]) =>
  packagesLoaded(outputOf("src/adapters/cli/main.ts"), ...modules.map((m) => outputOf(m)));

describe("the CLI bundle loads a library only on the commands that use it", () => {
  it("loads no package at start (zod is bundled in)", () => {
    expect(packagesLoaded(outputOf("src/adapters/cli/main.ts"))).toEqual([]);
  });

  it("ziping schemes, score and explain load no package", () => {
    expect(command("src/adapters/cli/schemes-command.ts")).toEqual([]);
    expect(command("src/adapters/cli/score-command.ts")).toEqual([]);
    expect(command("src/adapters/cli/explain-command.ts")).toEqual([]);
  });

  it("ziping check and import load no docx, openai or exceljs (exceljs loads when a workbook is read)", () => {
    expect(command("src/app/copy-corpus.ts", "src/adapters/cli/check-command.ts")).toEqual([
      "better-sqlite3",
    ]);
    expect(command("src/adapters/cli/import-command.ts")).toEqual([]);
  });

  it("ziping draft loads the drafting and rendering libraries", () => {
    const drafting = ["@resvg/resvg-js", "better-sqlite3", "docx", "handlebars", "openai"];
    expect(command("src/app/draft-env.ts", "src/adapters/cli/draft-command.ts")).toEqual(drafting);
    expect(command("src/app/draft-env.ts", "src/adapters/cli/chat-command.ts")).toEqual(drafting);
  });
});
