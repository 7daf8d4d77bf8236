import { pageLabel } from "../../importing/files/ocr-document.ts";
import { UNREADABLE_MARK } from "../../importing/files/ocr-figures.ts";
import type { OcrProvenance } from "../../importing/files/ocr-pages.ts";

/**
 * What OCR could not read, as the rows an import lists as not read: each page not read (line 0:
 * no line of the text shows it) and each line of the text holding a figure shown as "\uFFFD",
 * with what the engine saw there — never a guess at the figure.
 */
export function ocrUnreadRows(
  ocr: OcrProvenance,
  text: string,
): Array<{ line: number; text: string; reason: string }> {
  const pages = ocr.unreadPages.map((u) => ({
    line: 0,
    text: "",
    reason: `扫描件${pageLabel(u)}未识别（OCR 识别）：${u.reason}`,
  }));
  const counted = text.split("\n").flatMap((line, i) => {
    const marks = line.split(UNREADABLE_MARK).length - 1;
    return marks === 0 ? [] : [{ line: i + 1, text: line, marks }];
  });
  const lines = counted.map(({ line, text: shown, marks }) => ({
    line,
    text: shown,
    reason: `第${line}行有 ${marks} 处数字 OCR 识别不清，显示为“${UNREADABLE_MARK}”，未采用（没有猜测），请对照原件核对`,
  }));
  const seen = ocr.unclearFigures.map((f) => `第${f.page}页“${f.seen}”（${f.why}）`);
  const summary =
    seen.length === 0
      ? []
      : [{ line: 0, text: "", reason: `OCR 识别不清的数字（原样列出，未采用）：${seen.join("；")}` }];
  return [...pages, ...summary, ...lines];
}
