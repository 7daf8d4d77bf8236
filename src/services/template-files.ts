import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";
import { validate } from "../core/validation.ts";
import { type TemplateFamily, TemplateFamilySchema } from "../drafting/draft-types.ts";
import type { LoadedFamily } from "../rendering/render-markdown.ts";
import { PROJECT_ROOT } from "./project-root.ts";
import { readJsonFile } from "./scheme-files.ts";

export type { LoadedFamily } from "../rendering/render-markdown.ts";

/** The repository's templates/ folder: one <id>.json and its .hbs per family, shared partials in partials/. */
export const TEMPLATE_DIR = join(PROJECT_ROOT, "templates");

function readText(path: string): Result<string> {
  if (!existsSync(path)) return fail("template.not_found", `找不到模板文件 ${path}。`);
  try {
    return ok(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail("template.unreadable", `无法读取模板文件 ${path}：${(e as Error).message}`);
  }
}

/** Shared partials: templates/partials/<name>.hbs, registered as `{{> name}}`. */
function readPartials(dir: string): Result<Record<string, string>> {
  const folder = join(dir, "partials");
  const partials: Record<string, string> = {};
  if (!existsSync(folder)) return ok(partials);
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith(".hbs"))
    .sort()) {
    const text = readText(join(folder, file));
    if (!text.ok) return text;
    partials[basename(file, ".hbs")] = text.value;
  }
  return ok(partials);
}

/** Checks a family beyond its schema: id = file name, sections unique, each used by the template. */
function checkFamily(family: TemplateFamily, file: string, template: string): Result<TemplateFamily> {
  const bad = (field: string, message: string) =>
    fail<TemplateFamily>(
      "template.invalid",
      `模板族文件 ${file} 不符合要求：\n  - 字段 ${field}：${message}`,
      file,
    );
  if (`${family.id}.json` !== file) return bad("id", `应与文件名一致，即“${basename(file, ".json")}”`);
  const seen = new Set<string>();
  for (const [i, section] of family.sections.entries()) {
    if (seen.has(section.id)) return bad(`sections[${i}].id`, `章节“${section.id}”重复出现`);
    seen.add(section.id);
    if (!template.includes(`sections.${section.id}`)) {
      return bad(
        `sections[${i}].id`,
        `模板 ${family.template} 没有输出章节“${section.id}”，应包含 {{paragraphs sections.${section.id}}}`,
      );
    }
  }
  return ok(family);
}

function loadFamily(dir: string, file: string, partials: Record<string, string>): Result<LoadedFamily> {
  const data = readJsonFile(join(dir, file));
  if (!data.ok) return data;
  const family = validate(TemplateFamilySchema, data.value, "template.invalid", `模板族文件 ${file} `);
  if (!family.ok) return family;
  const template = readText(join(dir, family.value.template));
  if (!template.ok) return template;
  const checked = checkFamily(family.value, file, template.value);
  return checked.ok ? ok({ family: checked.value, template: template.value, partials }) : checked;
}

/**
 * Every template family in `dir` (templates/<id>.json validated with TemplateFamilySchema, its
 * Handlebars file and the shared partials), by id. A broken family is reported in Chinese with its
 * file and field, never skipped. The only reader of template files.
 */
export function loadTemplateFamilies(dir = TEMPLATE_DIR): Result<Map<string, LoadedFamily>> {
  if (!existsSync(dir)) return fail("template.not_found", `找不到模板目录 ${dir}。`);
  const partials = readPartials(dir);
  if (!partials.ok) return partials;
  const families = new Map<string, LoadedFamily>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const loaded = loadFamily(dir, file, partials.value);
    if (!loaded.ok) return loaded;
    families.set(loaded.value.family.id, loaded.value);
  }
  return ok(families);
}
