import { extname } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";
import { OFFICE_ZIP_LIMITS } from "../importing/files/file-limits.ts";
import { scanZip } from "../importing/files/zip-reader.ts";

/**
 * Reads a delivered draft file back and checks that every heading of the draft is in it, in order,
 * before the delivery is reported as done: a writer that drops or cuts a section is caught here,
 * not by the officer. A .docx is unzipped and its heading paragraphs (title, 一级 … 三级标题 styles)
 * read; a .md is read by its ATX heading lines, Markdown backslash escapes removed.
 */
export function checkDraftFile(path: string, bytes: Uint8Array, headings: readonly string[]): Result<void> {
  const found = extname(path).toLowerCase() === ".docx" ? docxHeadings(bytes) : markdownHeadings(bytes);
  if (found === null)
    return fail(
      "draft.file_unreadable",
      `生成的文件 ${path} 无法读回（不是有效的 Word 文件），未交付。请重新生成。`,
      path,
    );
  let at = 0;
  for (const heading of headings) {
    const index = found.indexOf(heading, at);
    if (index < 0)
      return fail(
        "draft.heading_missing",
        `生成的文件 ${path} 不完整：缺少标题“${heading}”（应有 ${headings.length} 个标题，按模板顺序），未交付。请重新生成；如仍如此，请告诉管理员。`,
        path,
      );
    at = index + 1;
  }
  return ok(undefined);
}

/** The text of each ATX heading line (`#` … `####`) of a Markdown file, escapes removed. */
export function markdownHeadings(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  return [...text.matchAll(/^#{1,4}[ \t]+(.*?)[ \t]*$/gm)].map((m) =>
    (m[1] ?? "").replace(/\\([!-/:-@[-`{-~])/g, "$1"),
  );
}

const XML_ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
};

/** The text of each title or heading paragraph of a .docx, or null when it is no readable .docx. */
export function docxHeadings(bytes: Uint8Array): string[] | null {
  const scanned = scanZip(bytes, OFFICE_ZIP_LIMITS, (name) => name === "word/document.xml");
  const data = scanned.ok ? scanned.value.get("word/document.xml") : undefined;
  if (data === undefined) return null;
  const xml = new TextDecoder().decode(data);
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap((m) => {
    const body = m[1] ?? "";
    if (!/<w:pStyle w:val="(?:Title|Heading\d)"\/>/.test(body)) return [];
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? "").join("");
    return [text.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e)];
  });
}
