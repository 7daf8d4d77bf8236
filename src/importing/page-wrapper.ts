import { looksLikeUnitName } from "./unit-names.ts";

/**
 * What a government web page, a document-sharing site or a file export puts around a report: the
 * page's metadata (索引号, 发文单位, 发布机构, 发布日期, 主题分类, 时效性…), the sharing site's notes
 * ("由会员分享，可在线阅读", "请在XX文库上搜索"), an address, a file name ("…自评报告.docx"). None of it
 * is the report; the publisher it names is the unit only when the report itself names none.
 */

/** Labels of a page's metadata fields, at the start of a line (after a list mark). */
const METADATA =
  /^(?:[-*·•]\s*)?(?:索\s*引\s*号|发\s*文\s*单\s*位|发文字号|发文日期|发布机构|发布单位|发布日期|发布时间|成文日期|主题分类|主\s*题\s*词|效力状态|时效性|有效性|文\s*号|来\s*源|编\s*辑|作\s*者|浏览次数|访问量|字\s*号|打印|关闭)\s*[:：|｜]/u;
/** Notes of document-sharing sites. */
const SHARING = /由会员分享|可在线阅读|请在.{0,12}上搜索|珍藏版|下载文档|文档下载|阅读全文/u;
/** A web address, or a line starting with one ("source: https://…"). */
const ADDRESS = /^(?:\S+:\s*)?https?:\/\//u;
/** A file name alone on its line. */
const FILE_NAME = /^\S.*\.(?:docx?|xlsx?|pdf|wps|txt)$/iu;
/** The publisher fields, and the name after them (table separators and spaces allowed between). */
const PUBLISHER = /(?:发\s*文\s*单\s*位|发布机构|发布单位)\s*[:：]?\s*[|｜]?\s*([^\s|｜]+)/u;

/** Whether a line is a page's or a sharing site's text around the report, not the report. */
export function isWrapperLine(text: string): boolean {
  const trimmed = text.trim();
  return METADATA.test(trimmed) || SHARING.test(trimmed) || ADDRESS.test(trimmed) || isFileNameLine(trimmed);
}

/** Whether a line is a file name alone ("雨花区2022年度部门单位整体支出绩效评价自评报告.docx"). */
export function isFileNameLine(text: string): boolean {
  return FILE_NAME.test(text.trim()) && !/[，。；]/u.test(text);
}

/** The file name without its extension. */
export function fileNameStem(text: string): string {
  return text.trim().replace(/\.[A-Za-z]+$/u, "");
}

/** The publishing unit a metadata line names ("发文单位: | 鄂州市行政审批局 |"); null for any other line. */
export function publisherOf(text: string): string | null {
  const name = PUBLISHER.exec(text)?.[1];
  return name !== undefined && looksLikeUnitName(name) ? name : null;
}
