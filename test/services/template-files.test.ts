import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Result } from "../../src/core/result.ts";
import { familyIdFor } from "../../src/rendering/build-view.ts";
import { installedSchemes } from "../../src/services/scheme-files.ts";
import { type LoadedFamily, loadTemplateFamilies } from "../../src/services/template-files.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A templates folder in a fresh temp dir holding the given files (path → text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ziping-templates-"));
  made.push(dir);
  mkdirSync(join(dir, "partials"));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

const family = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: "mini",
    name: "测试模板",
    kind: "department",
    template: "mini.md.hbs",
    sections: [
      { id: "process", heading: "一、绩效自评工作开展情况", drafted: true },
      { id: "other", heading: "二、其他需要说明的问题", drafted: true },
    ],
    ...over,
  });

const TEMPLATE = "# {{title}}\n\n{{paragraphs sections.process}}\n\n{{paragraphs sections.other}}\n";

function problem(result: Result<Map<string, LoadedFamily>>): { code: string; message: string } {
  if (result.ok) throw new Error("the folder was accepted but should have been rejected");
  return result.error;
}

describe("loadTemplateFamilies on the installed templates/", () => {
  const loaded = loadTemplateFamilies();
  const families = loaded.ok ? loaded.value : new Map<string, LoadedFamily>();

  it("loads the three families with their templates and the shared partials", () => {
    expect(loaded.ok ? "" : loaded.error.message).toBe("");
    expect([...families.keys()]).toEqual(["henan-department", "hunan-department", "project"]);
    expect([...families.values()].map((f) => [f.family.kind, f.family.template])).toEqual([
      ["department", "henan-department.md.hbs"],
      ["department", "hunan-department.md.hbs"],
      ["project", "project.md.hbs"],
    ]);
    expect(Object.keys(families.get("project")?.partials ?? {}).sort()).toEqual([
      "appendix",
      "henan-table-note",
      "score-legend",
    ]);
  });

  it("marks only narrative sections as drafted (duties, targets, conclusion, grade_statement come from data)", () => {
    const notDrafted = [...families.values()].flatMap((f) =>
      f.family.sections.filter((s) => !s.drafted).map((s) => `${f.family.id}:${s.id}`),
    );
    expect(notDrafted).toEqual([
      "henan-department:duties",
      "henan-department:targets",
      "henan-department:conclusion",
      "hunan-department:duties",
      "hunan-department:organization",
      "hunan-department:plan",
      "hunan-department:spending_scope",
      "hunan-department:grade_statement",
      "project:duties",
      "project:targets",
      "project:conclusion",
    ]);
  });

  it("has a family of the right kind for every installed scheme", () => {
    const schemes = installedSchemes();
    expect(schemes.ok).toBe(true);
    if (!schemes.ok) return;
    const mapping = schemes.value.map((s) => {
      const id = familyIdFor(s, { kind: s.kind });
      return [s.id, id, families.get(id)?.family.kind === s.kind];
    });
    expect(mapping).toEqual([
      ["anhui-project", "project", true],
      ["chongqing-department", "henan-department", true],
      ["cn-2013-common-framework-project", "project", true],
      ["cn-2020-project-default", "project", true],
      ["fujian-project", "project", true],
      ["henan-province-project-2024", "project", true],
      ["henan-zhengzhou-district-department", "henan-department", true],
      ["hubei-project", "project", true],
      ["hunan-department", "hunan-department", true],
      ["hunan-project", "project", true],
      ["sichuan-project", "project", true],
    ]);
  });
});

describe("loadTemplateFamilies reports a broken family in Chinese, naming file and field", () => {
  it("accepts a minimal valid folder", () => {
    const r = loadTemplateFamilies(folder({ "mini.json": family(), "mini.md.hbs": TEMPLATE }));
    expect(r.ok ? [...r.value.keys()] : r.error.message).toEqual(["mini"]);
  });

  it("names the field that breaks the schema", () => {
    const bad = family({
      sections: [
        { id: "process", heading: "一、绩效自评工作开展情况", drafted: "是" },
        { id: "nonsense", heading: "二", drafted: true },
      ],
    });
    const p = problem(loadTemplateFamilies(folder({ "mini.json": bad, "mini.md.hbs": TEMPLATE })));
    expect(p.code).toBe("template.invalid");
    expect(p.message).toMatch(/^模板族文件 mini\.json 不符合要求：/);
    expect(p.message).toContain("字段 sections[0].drafted");
    expect(p.message).toContain("字段 sections[1].id");
  });

  it("rejects an id that is not the file name", () => {
    const p = problem(loadTemplateFamilies(folder({ "other.json": family(), "mini.md.hbs": TEMPLATE })));
    expect(p.message).toBe("模板族文件 other.json 不符合要求：\n  - 字段 id：应与文件名一致，即“other”");
  });

  it("rejects a section the template never prints", () => {
    const template = "# {{title}}\n\n{{paragraphs sections.process}}\n";
    const p = problem(loadTemplateFamilies(folder({ "mini.json": family(), "mini.md.hbs": template })));
    expect(p.message).toBe(
      "模板族文件 mini.json 不符合要求：\n  - 字段 sections[1].id：模板 mini.md.hbs 没有输出章节“other”，应包含 {{paragraphs sections.other}}",
    );
  });

  it("reports a missing template file and invalid JSON with the path", () => {
    const dir = folder({ "mini.json": family() });
    const missing = problem(loadTemplateFamilies(dir));
    expect(missing.code).toBe("template.not_found");
    expect(missing.message).toBe(`找不到模板文件 ${join(dir, "mini.md.hbs")}。`);
    const broken = problem(loadTemplateFamilies(folder({ "mini.json": "{ 不是 JSON" })));
    expect(broken.code).toBe("file.bad_json");
    expect(broken.message).toContain("mini.json 不是有效的 JSON");
  });
});
