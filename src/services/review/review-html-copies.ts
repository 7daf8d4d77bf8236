import { fileLabel, originText } from "./review-cells.ts";
import { esc } from "./review-html-escape.ts";
import type { CopyPair, ReviewResult } from "./review-result.ts";

type Side = CopyPair["passages"][number]["a"];

/** Past this many character pairs the two sides are marked whole instead of compared (time and memory). */
const MAX_COMPARED = 4_000_000;

/**
 * Which characters of `a` and of `b` belong to their longest common subsequence: the wording the two
 * passages share, so a page can highlight it and leave the few changed characters (a name, a figure)
 * plain. Both true-arrays when the passages are too long to compare.
 */
function sharedCharacters(a: string, b: string): [boolean[], boolean[]] {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length * y.length > MAX_COMPARED) return [x.map(() => true), y.map(() => true)];
  const width = y.length + 1;
  const table = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i -= 1)
    for (let j = y.length - 1; j >= 0; j -= 1)
      table[i * width + j] =
        x[i] === y[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
  const inA = x.map(() => false);
  const inB = y.map(() => false);
  let [i, j] = [0, 0];
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      inA[i] = true;
      inB[j] = true;
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return [inA, inB];
}

/** The text as HTML with each run of shared characters inside one <mark>. */
function marked(text: string, shared: readonly boolean[]): string {
  const chars = Array.from(text);
  let html = "";
  let run = "";
  let inRun = false;
  chars.forEach((c, k) => {
    const s = shared[k] === true;
    if (s !== inRun) {
      html += inRun ? `<mark>${esc(run)}</mark>` : esc(run);
      run = "";
      inRun = s;
    }
    run += c;
  });
  return html + (inRun ? `<mark>${esc(run)}</mark>` : esc(run));
}

function sideHtml(side: Side, shared: readonly boolean[]): string {
  const year = side.year === null ? "" : ` · ${side.year}年度`;
  return [
    `<div class="side"><div class="who"><strong>${esc(side.unit)}</strong>${year} · ${originText(side)}</div>`,
    `<div class="where">${esc(fileLabel(side.path, side.label))}</div>`,
    `<p class="passage-text">${marked(side.quote, shared)}</p></div>`,
  ].join("");
}

/**
 * The copied passages, pair of agencies by pair, each passage side by side with the wording the two
 * share highlighted.
 */
export function copySections(result: ReviewResult): string {
  if (result.copies.length === 0)
    return '<p class="none">本批报告之间（及与语料库之间）没有发现不同单位相同的段落。</p>';
  return result.copies
    .map((pair) => {
      const passages = pair.passages.map((p) => {
        const [inA, inB] = sharedCharacters(p.a.quote, p.b.quote);
        return `<div class="passage"><div class="length">${p.length} 字</div><div class="sides">${sideHtml(p.a, inA)}${sideHtml(p.b, inB)}</div></div>`;
      });
      return `<section class="pair"><h3>${esc(pair.agencies[0])} ↔ ${esc(pair.agencies[1])}：${pair.passages.length} 段</h3>${passages.join("")}</section>`;
    })
    .join("\n");
}
