import { AlignmentType, type IStylesOptions, LineRuleType } from "docx";

/**
 * The look of a drafted report in Word, after the national format of official documents
 * (GB/T 9704-2012 党政机关公文格式) where it fits a 自评报告: A4 with 37/35/28/26 mm margins, body
 * in 3号 (16 pt) 仿宋 with a 2-character first-line indent and a fixed 28.95 pt line (22 lines a
 * page), 一级标题 in 黑体, 二级标题 in 楷体, 三级标题 in bold 仿宋, the title in 2号 (22 pt)
 * 小标宋, tables in 五号 (10.5 pt) 仿宋.
 *
 * Fonts. Word picks a font by its name and only falls back when that name is not installed, so
 * the names are the ones government templates use (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体):
 * offices that have them see the expected faces. For the others, the font table of the file lists
 * alternate names (`w:altName`: 仿宋_GB2312 → 仿宋/FangSong, 楷体_GB2312 → 楷体/KaiTi,
 * 方正小标宋简体 → 华文中宋/宋体, 黑体 → SimHei) and the GB2312 character set, which is what Word
 * and WPS use to substitute; Latin letters and digits are in Times New Roman.
 */

/** Twips per centimetre (1 inch = 1440 twips = 2.54 cm). */
const TWIPS_PER_CM = 1440 / 2.54;

const cm = (value: number): number => Math.round(value * TWIPS_PER_CM);

/** A4 portrait and the margins of GB/T 9704, in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: cm(3.7),
  bottom: cm(3.5),
  left: cm(2.8),
  right: cm(2.6),
  /** The page number sits about 7 mm under the text block. */
  footer: cm(2.3),
  header: cm(1.5),
} as const;

/** The width of the text block in twips: what a full-width table or image may take. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Font names as written in the runs; see the module comment for the fallbacks. */
const FONTS = {
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  title: "方正小标宋简体",
  latin: "Times New Roman",
  pageNumber: "宋体",
} as const;

/** Sizes in half-points, as Word stores them: 三号 16 pt, 二号 22 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZES = { body: 32, title: 44, pageNumber: 28, table: 21, caption: 28 } as const;

/** Style ids of the paragraph styles below. */
export const STYLE = {
  body: "Body",
  listItem: "ListItem",
  tableText: "TableText",
  tableCaption: "TableCaption",
  tableNote: "TableNote",
  figure: "Figure",
  footer: "PageFooter",
} as const;

/** The fixed line of the body: 28.95 pt gives 22 lines on the A4 text block. */
const BODY_LINE = 579;
/** Two characters of 三号 text, for indents (the twips fallback of `firstLineChars`). */
const TWO_CHARS = 640;

/** A run font: a Chinese face for East Asian text and Times New Roman for Latin letters and digits. */
function runFont(eastAsia: string): { ascii: string; hAnsi: string; cs: string; eastAsia: string } {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia };
}

const bodyParagraph = {
  spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
  alignment: AlignmentType.BOTH,
};

const heading = (font: string, outlineLevel: number, bold = false) => ({
  run: { font: runFont(font), size: SIZES.body, bold, color: "000000", italics: false },
  paragraph: { ...bodyParagraph, keepNext: true, outlineLevel },
});

/** The styles of the document: defaults, the title, three heading levels and the custom styles. */
export function documentStyles(): IStylesOptions {
  const compact = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
  return {
    default: {
      document: {
        run: { font: runFont(FONTS.body), size: SIZES.body, language: { value: "zh-CN", eastAsia: "zh-CN" } },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
      title: {
        run: { font: runFont(FONTS.title), size: SIZES.title, bold: false, color: "000000" },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE },
        },
      },
      heading1: heading(FONTS.heading1, 0),
      heading2: heading(FONTS.heading2, 1),
      heading3: heading(FONTS.body, 2, true),
    },
    paragraphStyles: [
      { id: STYLE.body, name: "Body Text", basedOn: "Normal", quickFormat: true, paragraph: bodyParagraph },
      {
        id: STYLE.listItem,
        name: "List Item",
        basedOn: "Normal",
        paragraph: {
          spacing: bodyParagraph.spacing,
          alignment: AlignmentType.BOTH,
          indent: { left: TWO_CHARS, hanging: TWO_CHARS / 2 },
        },
      },
      {
        id: STYLE.tableText,
        name: "Table Text",
        basedOn: "Normal",
        run: { size: SIZES.table },
        paragraph: { spacing: compact },
      },
      {
        id: STYLE.tableCaption,
        name: "Table Caption",
        basedOn: "Normal",
        next: STYLE.tableNote,
        run: { font: runFont(FONTS.heading1), size: SIZES.caption },
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { ...compact, before: 240, after: 120 },
        },
      },
      {
        id: STYLE.tableNote,
        name: "Table Note",
        basedOn: "Normal",
        run: { size: SIZES.table },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...compact, after: 120 } },
      },
      {
        id: STYLE.figure,
        name: "Figure",
        basedOn: "Normal",
        paragraph: { alignment: AlignmentType.CENTER, spacing: { ...compact, before: 120, after: 120 } },
      },
      {
        id: STYLE.footer,
        name: "Page Footer",
        basedOn: "Normal",
        run: { font: runFont(FONTS.pageNumber), size: SIZES.pageNumber },
        paragraph: { alignment: AlignmentType.CENTER, spacing: compact },
      },
    ],
  };
}

/** One entry of the font table: a name, its alternates and its character set and family. */
interface FontEntry {
  name: string;
  altName?: string;
  /** "86" is GB2312 (Simplified Chinese), "00" ANSI. */
  charset: string;
  family: "roman" | "modern" | "swiss";
  pitch: "variable" | "fixed";
}

const FONT_TABLE: FontEntry[] = [
  { name: FONTS.latin, charset: "00", family: "roman", pitch: "variable" },
  { name: FONTS.body, altName: "仿宋,FangSong,STFangsong", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONTS.heading1, altName: "SimHei,STHeiti", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONTS.heading2, altName: "楷体,KaiTi,STKaiti", charset: "86", family: "modern", pitch: "fixed" },
  {
    name: FONTS.title,
    altName: "华文中宋,STZhongsong,宋体,SimSun",
    charset: "86",
    family: "roman",
    pitch: "variable",
  },
  { name: FONTS.pageNumber, altName: "SimSun", charset: "86", family: "roman", pitch: "variable" },
];

/**
 * `word/fontTable.xml` with the fonts above (the docx package writes an empty table, which leaves
 * Word nothing to substitute by).
 */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map((f) =>
    [
      `<w:font w:name="${f.name}">`,
      f.altName === undefined ? "" : `<w:altName w:val="${f.altName}"/>`,
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>`,
      "</w:font>",
    ].join(""),
  ).join("");
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    fonts,
    "</w:fonts>",
  ].join("");
}
