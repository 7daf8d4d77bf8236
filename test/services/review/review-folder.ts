import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReviewOptions } from "../../../src/services/review/review-batch.ts";
import { installedSchemes } from "../../../src/services/scheme-files.ts";
import { scannedSeedPage } from "../ocr/scan-pages.ts";

/**
 * A reviewer's folder, built in a test from the shipped reports: the four seeds as .txt, .docx and
 * .pdf, five real reports, a truncated .docx, a scanned PDF (page 2 of seed 000's text PDF drawn to
 * a picture, no text layer: read by OCR), a byte copy
 * of a seed in a subfolder, the same report as another file of another format, a file that is not a
 * report, and one long distinctive paragraph pasted into the reports of two different agencies.
 */

const root = join(import.meta.dirname, "../../..");
const seed = (name: string) => join(root, "fixtures/seeds", name);
const converted = (name: string) => join(root, "fixtures/converted", name);
const real = (name: string) => join(root, "fixtures/real", name);

/** The paragraph pasted into 大足区发改委's and 下桥镇's reports (neither wrote it; it names no agency). */
export const PLANTED =
  "为破解山区群众办事往返奔波的难题，我们在全域推行“帮办代办流动车”服务，每周二、周四由两名专职帮办员驾车进村入户，现场受理社保认证、医保报销、残疾补贴等十七类事项，全年累计行程一万一千四百公里，上门办结事项二千三百六十件，群众满意率逐季提升。";

/** The files of the folder, by role. */
export const FOLDER = {
  s000: "甲/000_seed.txt",
  s001docx: "甲/001_seed.docx",
  s001txt: "甲/001_seed.txt",
  s002pdf: "甲/002_seed.pdf",
  s003: "甲/003_seed.txt",
  r23: "乙/23_dazu_fagaiwei.txt",
  r25: "乙/25_nanxian_zhengxie.txt",
  r29: "乙/29_xuwen_xiaqiao.txt",
  r31: "乙/31_changning_xiaoxue.txt",
  r42: "乙/42_jinzhai_zhengti.txt",
  broken: "丙/broken.docx",
  scan: "丙/scan.pdf",
  copy000: "丙/副本/000_copy.txt",
  other: "丙/notes.csv",
} as const;

/** Builds the folder under `dir` and returns it. */
export async function buildReviewFolder(dir: string): Promise<string> {
  for (const sub of ["甲", "乙", "丙/副本"]) mkdirSync(join(dir, sub), { recursive: true });
  const at = (name: string) => join(dir, name);
  copyFileSync(seed("000_0839647822e00506.txt"), at(FOLDER.s000));
  copyFileSync(converted("001_ed109474d837ba6d.docx"), at(FOLDER.s001docx));
  copyFileSync(seed("001_ed109474d837ba6d.txt"), at(FOLDER.s001txt));
  copyFileSync(converted("002_65c9de34f8230d6c.pdf"), at(FOLDER.s002pdf));
  copyFileSync(seed("003_3bc036a0d1488051.txt"), at(FOLDER.s003));
  copyFileSync(real("25_hunan_nanxian_zhengxie_zhengti.txt"), at(FOLDER.r25));
  copyFileSync(real("31_yunnan_changning_shifanxiaoxue.txt"), at(FOLDER.r31));
  copyFileSync(real("42_anhui_jinzhai_meilixiangcun_zhengti.txt"), at(FOLDER.r42));
  // The paragraph ends each file's last narrative section.
  const planted = (from: string, to: string) =>
    writeFileSync(at(to), `${readFileSync(real(from), "utf8").trimEnd()}\n${PLANTED}\n`);
  planted("23_chongqing_dazu_fagaiwei_zhengti.txt", FOLDER.r23);
  planted("29_guangdong_xuwen_xiaqiao_zhengti.txt", FOLDER.r29);
  const docx = readFileSync(converted("001_ed109474d837ba6d.docx"));
  writeFileSync(at(FOLDER.broken), docx.subarray(0, Math.floor(docx.length / 2)));
  writeFileSync(at(FOLDER.scan), await scannedSeedPage());
  copyFileSync(seed("000_0839647822e00506.txt"), at(FOLDER.copy000));
  writeFileSync(at(FOLDER.other), "单位,得分\n");
  return dir;
}

/** The options of a plain run: the installed schemes, no corpus, a clock stopped at 21:00. */
export function plainOptions(): ReviewOptions {
  const schemes = installedSchemes();
  if (!schemes.ok) throw new Error(schemes.error.message);
  return {
    schemes: schemes.value,
    scheme: undefined,
    corpus: null,
    now: () => new Date("2026-12-03T21:00:00Z"),
  };
}
