import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fail, ok, type Result } from "../src/core/result.ts";

/**
 * Renders a .docx to page images, to look at a drafted report as a person would: LibreOffice
 * converts it to PDF, poppler's pdftoppm turns every page into a PNG. Both come from Debian
 * (`apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk`); without them the
 * script says so and exits with code 3.
 *
 *   node --import tsx scripts/render-pages.ts <file.docx> <outdir> [--dpi 60]
 *
 * The Chinese fonts the report names (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体) are not on a
 * Linux machine, so LibreOffice is given a fontconfig file mapping them to Noto CJK: the serif face
 * for 仿宋/楷体/宋体/小标宋, the sans face for 黑体. Only the preview is affected, not the file.
 */

/** The programs needed, as found on PATH. */
export interface PageTools {
  soffice: string;
  pdftoppm: string;
  pdfinfo: string;
}

/** What was rendered: the number of PDF pages and the PNG files, in page order. */
export interface RenderedPages {
  pages: number;
  images: string[];
}

/** The message when LibreOffice or poppler is missing, in Chinese and English. */
export const MISSING_TOOLS_MESSAGE =
  "未找到 LibreOffice（soffice）或 poppler（pdftoppm、pdfinfo），无法把 Word 文件转成页面图片。" +
  "请安装：apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk\n" +
  "LibreOffice (soffice) or poppler (pdftoppm, pdfinfo) not found; cannot render pages. " +
  "Install: apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk";

/** Finds the tools on PATH (soffice, else libreoffice); null when one is missing. */
export function findPageTools(path = process.env.PATH ?? ""): PageTools | null {
  const find = (name: string): string | undefined =>
    path
      .split(delimiter)
      .filter((dir) => dir !== "")
      .map((dir) => join(dir, name))
      .find((file) => existsSync(file));
  const soffice = find("soffice") ?? find("libreoffice");
  const pdftoppm = find("pdftoppm");
  const pdfinfo = find("pdfinfo");
  return soffice && pdftoppm && pdfinfo ? { soffice, pdftoppm, pdfinfo } : null;
}

/** Families LibreOffice is told to use for the names a report asks for. */
const FONT_ALIASES: [string[], string][] = [
  [["仿宋_GB2312", "仿宋", "FangSong", "楷体_GB2312", "楷体", "KaiTi"], "Noto Serif CJK SC"],
  [["方正小标宋简体", "华文中宋", "宋体", "SimSun"], "Noto Serif CJK SC"],
  [["黑体", "SimHei"], "Noto Sans CJK SC"],
];

function fontsConf(): string {
  const aliases = FONT_ALIASES.flatMap(([names, target]) =>
    names.map(
      (name) =>
        `<alias binding="same"><family>${name}</family><prefer><family>${target}</family></prefer></alias>`,
    ),
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    "<fontconfig>",
    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...aliases,
    "</fontconfig>",
  ].join("\n");
}

/**
 * Converts `docxPath` to PDF in a temporary folder and writes one PNG per page into `outDir`
 * (`<name>-1.png`, … as pdftoppm names them). Fails with `pages.tools_missing`, `pages.no_file`
 * or `pages.convert_failed` (with the tool's own output).
 */
export function renderPages(
  docxPath: string,
  outDir: string,
  options: { dpi?: number; tools?: PageTools | null } = {},
): Result<RenderedPages> {
  const tools = options.tools === undefined ? findPageTools() : options.tools;
  if (tools === null) return fail("pages.tools_missing", MISSING_TOOLS_MESSAGE);
  if (!existsSync(docxPath)) return fail("pages.no_file", `找不到文件 ${docxPath} / file not found`);
  const work = mkdtempSync(join(tmpdir(), "ziping-pages-"));
  try {
    writeFileSync(join(work, "fonts.conf"), fontsConf());
    const env = { ...process.env, FONTCONFIG_FILE: join(work, "fonts.conf"), HOME: work };
    const profile = pathToFileURL(join(work, "profile")).href;
    const convert = run(
      tools.soffice,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        resolve(docxPath),
      ],
      env,
    );
    const name = basename(docxPath, extname(docxPath));
    const pdf = join(work, `${name}.pdf`);
    if (!existsSync(pdf)) return fail("pages.convert_failed", `LibreOffice 转换 PDF 失败：${convert}`);
    const info = run(tools.pdfinfo, [pdf], env);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? "0");
    mkdirSync(outDir, { recursive: true });
    const prefix = join(outDir, name);
    run(tools.pdftoppm, ["-png", "-r", String(options.dpi ?? 60), pdf, prefix], env);
    const images = pageFiles(prefix, pages);
    if (pages === 0 || !images.every((f) => existsSync(f))) {
      return fail("pages.convert_failed", "pdftoppm 没有生成全部页面图片");
    }
    return ok({ pages, images });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The files pdftoppm writes: `<prefix>-1.png` …, numbers zero-padded to the width of the page count. */
function pageFiles(prefix: string, pages: number): string[] {
  const width = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${prefix}-${String(i + 1).padStart(width, "0")}.png`);
}

/** Runs a tool and returns what it printed (stdout and stderr), with a two-minute limit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { env, encoding: "utf8", timeout: 120_000 });
  return `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`.trim();
}

function main(argv: string[]): number {
  const dpiAt = argv.indexOf("--dpi");
  const dpi = dpiAt >= 0 ? Number(argv[dpiAt + 1]) : 60;
  const [docx, outDir] = dpiAt < 0 ? argv : argv.filter((_, i) => i !== dpiAt && i !== dpiAt + 1);
  if (docx === undefined || outDir === undefined || !Number.isFinite(dpi) || dpi <= 0) {
    console.error("用法 / usage: node --import tsx scripts/render-pages.ts <file.docx> <outdir> [--dpi 60]");
    return 2;
  }
  const rendered = renderPages(docx, outDir, { dpi });
  if (!rendered.ok) {
    console.error(rendered.error.message);
    return rendered.error.code === "pages.tools_missing" ? 3 : 1;
  }
  console.log(`共 ${rendered.value.pages} 页 / ${rendered.value.pages} page(s):`);
  for (const image of rendered.value.images) console.log(image);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
