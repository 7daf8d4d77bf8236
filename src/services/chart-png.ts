import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { CHART_LAYOUT } from "../rendering/score-chart.ts";

/**
 * Rasterises the score chart (SVG from rendering/score-chart.ts) to PNG with resvg, so no browser
 * is needed. resvg draws text only with fonts it is given, and a chart of Chinese block names
 * without a Chinese font shows empty boxes, so this is the one place that looks for CJK font files
 * on disk (Noto CJK from the Debian package fonts-noto-cjk, or WenQuanYi / Droid fallbacks) and
 * tells the caller whether it found one.
 */

/** The Chinese message a caller shows when `fontFound` is false. */
export const NO_CJK_FONT_WARNING = "未找到中文字体（建议安装 fonts-noto-cjk），图表文字可能无法显示";

/** Where Debian and most Linux distributions install the fonts looked for. */
export const FONT_DIRS = [
  "/usr/share/fonts/opentype/noto",
  "/usr/share/fonts/truetype",
  "/usr/share/fonts/opentype",
];

/** Font files with Simplified Chinese glyphs, best first; matched against file names. */
const CJK_FONT_FILES = [
  /^NotoSansCJK-(Regular|Bold)\.ttc$/i,
  /^NotoSansCJKsc-(Regular|Bold)\.otf$/i,
  /^NotoSerifCJK-(Regular|Bold)\.ttc$/i,
  /^wqy-microhei\.ttc$/i,
  /^wqy-zenhei\.ttc$/i,
  /^DroidSansFallbackFull\.ttf$/i,
];

/** The family the chart falls back to when a text's own families are not found. */
const DEFAULT_FAMILY = "Noto Sans CJK SC";

/** The PNG and whether a Chinese font was found for its text. */
export interface ChartPng {
  png: Uint8Array;
  fontFound: boolean;
}

/**
 * Renders the SVG at the chart's width (1200 px). `fontDirs` is where to look for Chinese fonts (default: this machine's, looked up once)
 * (searched two levels deep); system fonts are loaded as well.
 */
export function chartPng(svg: string, fontDirs?: readonly string[]): ChartPng {
  const fontFiles = fontDirs === undefined ? systemCjkFonts() : findCjkFonts(fontDirs);
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: true,
      fontFiles,
      defaultFontFamily: DEFAULT_FAMILY,
      sansSerifFamily: DEFAULT_FAMILY,
    },
    fitTo: { mode: "width", value: CHART_LAYOUT.width },
    background: "#FFFFFF",
    logLevel: "off",
  });
  const png = resvg.render().asPng();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), fontFound: fontFiles.length > 0 };
}

let installed: string[] | undefined;

/**
 * The CJK font files of this machine (under FONT_DIRS), looked up once per process: fonts are not
 * installed while ziping runs, and every draft would otherwise walk the font folders twice.
 */
export function systemCjkFonts(): string[] {
  installed ??= findCjkFonts(FONT_DIRS);
  return installed;
}

/** The CJK font files under the folders, in the order of `CJK_FONT_FILES`, without duplicates. */
export function findCjkFonts(dirs: readonly string[]): string[] {
  const files = dirs.flatMap((dir) => listFiles(dir, 2));
  const found: string[] = [];
  for (const pattern of CJK_FONT_FILES) {
    for (const file of files) {
      const name = file.split("/").at(-1) ?? "";
      if (pattern.test(name) && !found.some((f) => f.endsWith(`/${name}`))) found.push(file);
    }
  }
  return found;
}

/** Files under `dir`, down to `depth` levels of folders, sorted; nothing for a missing folder. */
function listFiles(dir: string, depth: number): string[] {
  if (!existsSync(dir)) return [];
  try {
    return readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return depth > 0 ? listFiles(path, depth - 1) : [];
        return entry.isFile() ? [path] : [];
      });
  } catch {
    return [];
  }
}
