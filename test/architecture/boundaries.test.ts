import { describe, expect, test } from "vitest";
import { importsOf, importViolations, layerOf, sourceFiles } from "./import-rules.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

describe("the layering of src/ holds (issue 17 item 6)", () => {
  test("no file of src/ breaks a rule", () => {
    expect(importViolations(sourceFiles(ROOT))).toEqual([]);
  });

  test("a planted import of node:fs in src/scoring breaks the rule", () => {
    const planted = { path: "src/scoring/score.ts", text: 'import { readFileSync } from "node:fs";\n' };
    expect(importViolations([planted])).toEqual([
      {
        file: "src/scoring/score.ts",
        specifier: "node:fs",
        rule: "纯逻辑目录 scoring 不得使用 Node 内置模块",
      },
    ]);
  });

  test("each rule: pure → storage, bytes → fs, services → adapters, adapter → adapter, pure → openai, adapter → storage or app", () => {
    const files = [
      { path: "src/checks/a.ts", text: 'import type { Store } from "../storage/store.ts";' },
      { path: "src/importing/files/b.ts", text: 'const fs = await import("node:fs/promises");' },
      { path: "src/importing/files/c.ts", text: 'import { inflateRawSync } from "node:zlib";' },
      { path: "src/services/d.ts", text: 'export { x } from "../adapters/llm/openai-client.ts";' },
      { path: "src/adapters/slack/e.ts", text: 'import { renderTable } from "../cli/render-text.ts";' },
      { path: "src/adapters/slack/f.ts", text: 'import { conversationKey } from "./slack-place.ts";' },
      { path: "src/drafting/g.ts", text: 'import OpenAI from "openai";' },
      { path: "src/app/h.ts", text: 'import { createOpenAiPort } from "../adapters/llm/openai-client.ts";' },
      { path: "src/adapters/slack/i.ts", text: 'import { Store } from "../../storage/store.ts";' },
      { path: "src/adapters/cli/j.ts", text: 'import type { UnitRole } from "../../storage/index.ts";' },
      { path: "src/adapters/slack/k.ts", text: 'import { openApp } from "../../app/open-app.ts";' },
      { path: "src/adapters/cli/main.ts", text: 'const m = await import("../../app/draft-env.ts");' },
    ];
    expect(importViolations(files).map((v) => [v.file, v.rule])).toEqual([
      ["src/checks/a.ts", "纯逻辑目录 checks 不得依赖 storage"],
      ["src/importing/files/b.ts", "importing 不得读写文件或网络"],
      ["src/services/d.ts", "services 不得依赖 adapters/llm（由 src/app 组装）"],
      ["src/adapters/slack/e.ts", "adapters/slack 不得依赖另一个适配器 adapters/cli"],
      ["src/drafting/g.ts", "纯逻辑目录 drafting 不得使用 I/O 库"],
      ["src/adapters/slack/i.ts", "adapters/slack 不得直接依赖 storage（经由 services 的用例与类型）"],
      ["src/adapters/cli/j.ts", "adapters/cli 不得直接依赖 storage（经由 services 的用例与类型）"],
      ["src/adapters/slack/k.ts", "adapters/slack 不得依赖 src/app（服务由组装层交给适配器）"],
    ]);
  });

  test("imports are found in every form; layers are named by folder", () => {
    const text = [
      'import a from "x";',
      'import type { B } from "./b.ts";',
      'export * from "../c.ts";',
      'import "./side.ts";',
      'const d = await import("node:fs");',
    ].join("\n");
    expect(importsOf(text)).toEqual(["x", "./b.ts", "../c.ts", "./side.ts", "node:fs"]);
    expect(
      ["src/main.ts", "src/config.ts", "src/adapters/cli/main.ts", "src/core/result.ts"].map(layerOf),
    ).toEqual(["main", "config", "adapters/cli", "core"]);
  });
});
