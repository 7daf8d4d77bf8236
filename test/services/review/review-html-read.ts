import type { ReviewResult } from "../../../src/services/review/review-result.ts";

/** HTML text back to the text it shows (the five entities the page writes). */
export function unescapeHtml(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A finding as the page shows it, read back from the HTML text. */
export interface PageFinding {
  report: string;
  severity: string;
  code: string;
  location: string;
  ocr: boolean;
  message: string;
  quote: string | null;
  values: string | null;
}

function inner(html: string, pattern: RegExp): string | null {
  const m = pattern.exec(html);
  return m?.[1] === undefined ? null : unescapeHtml(m[1]);
}

/** Every finding item of the page, report section by report section, in page order. */
export function pageFindings(html: string): PageFinding[] {
  const found: PageFinding[] = [];
  const reports = html.split(/<details class="report[^"]*" id="/).slice(1);
  for (const section of reports) {
    const report = section.slice(0, section.indexOf('"'));
    for (const m of section.matchAll(/<li class="finding sev-(\w+)" data-code="([^"]*)">([\s\S]*?)<\/li>/g)) {
      const body = m[3] ?? "";
      found.push({
        report,
        severity: m[1] ?? "",
        code: unescapeHtml(m[2] ?? ""),
        location: inner(body, /<span class="loc">([\s\S]*?)<\/span>/) ?? "",
        ocr: body.includes('class="tag ocr"'),
        message: inner(body, /<p class="msg">([\s\S]*?)<\/p>/) ?? "",
        quote: inner(body, /<blockquote class="quote">([\s\S]*?)<\/blockquote>/),
        values: inner(body, /<p class="values">([\s\S]*?)<\/p>/),
      });
    }
  }
  return found;
}

/** The findings of a result as the page must show them, in ranking order. */
export function expectedFindings(result: ReviewResult): PageFinding[] {
  return result.entries.flatMap((e) =>
    e.findings.map((f) => {
      const values = [
        f.expected === undefined ? "" : `应为 ${f.expected}`,
        f.actual === undefined ? "" : `实为 ${f.actual}`,
      ].filter((v) => v !== "");
      return {
        report: `r-${e.rank}`,
        severity: f.severity,
        code: f.code,
        location: f.location.label,
        ocr: f.fromOcr,
        message: f.message,
        quote: f.quote,
        values: values.length === 0 ? null : values.join("；"),
      };
    }),
  );
}
