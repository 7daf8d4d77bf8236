import { looksLikeUnitName } from "../report/unit-names.ts";

/**
 * What a government web page, a document-sharing site or a file export puts around a report: the
 * page's metadata (索引号, 发文单位, 发布机构, 发布日期, 主题分类, 时效性…), the sharing site's notes
 * ("由会员分享，可在线阅读", "请在XX文库上搜索"), an address, a file name ("…自评报告.docx"). None of it
 * is the report; the publisher it names is the unit only when the report itself names none.
 */

/** Labels of a page's metadata fields. */
const LABELS =
  "索\\s*引\\s*号|发\\s*文\\s*单\\s*位|发文字号|发文日期|发布机构|发布单位|发布日期|发布时间|成文日期|主题分类|体裁分类|公开目录|主\\s*题\\s*词|效力状态|时效性|有效性|文\\s*号|来\\s*源|编\\s*辑|作\\s*者|浏览次数|浏览量|访问量|阅读|字\\s*号|字\\s*体|打印|关闭|上传日期|格式";
/** A metadata field at the start of a line: "索引号：", "[ 发布机构 ] …", "【发布时间:…】", "• 发布机构". */
const METADATA = new RegExp(`^(?:[-*·•]\\s*)?(?:[\\[【]\\s*)?(?:${LABELS})\\s*(?:[:：|｜\\]】]|$)`, "u");
/** Where the page is, and its greeting: "您当前位置：首页>…", "欢迎来到…网站". */
const NAVIGATION = /^(?:您的?(?:当前|现在|所在)的?位置|当前位置|欢迎(?:来到|访问))/u;
/** A short list item before the report: a page's bulleted metadata values ("• 2023-04-17"). */
const BULLET = /^[•·]\s*\S.{0,38}$/u;
/** Notes of document-sharing sites. */
const SHARING = /由会员分享|可在线阅读|请在.{0,12}上搜索|珍藏版|下载文档|文档下载|阅读全文|我要投稿/u;
/** A web address, or a line starting with one ("source: https://…"). */
const ADDRESS = /^(?:\S+:\s*)?https?:\/\//u;
/** A file name alone on its line. */
const FILE_NAME = /^\S.*\.(?:docx?|xlsx?|pdf|wps|txt)$/iu;
/** The publisher fields, and the name after them (brackets, table separators and spaces allowed between). */
const PUBLISHER = /(?:发\s*文\s*单\s*位|发布机构|发布单位)\s*[\]】]?\s*[:：]?\s*[|｜]?\s*([^\s|｜]*)/u;

/** Whether a line is a page's or a sharing site's text around the report, not the report. */
export function isWrapperLine(text: string): boolean {
  const trimmed = text.trim();
  return (
    METADATA.test(trimmed) ||
    NAVIGATION.test(trimmed) ||
    BULLET.test(trimmed) ||
    SHARING.test(trimmed) ||
    ADDRESS.test(trimmed) ||
    isFileNameLine(trimmed)
  );
}

/** Whether a line is a file name alone ("雨花区2022年度部门单位整体支出绩效评价自评报告.docx"). */
export function isFileNameLine(text: string): boolean {
  return FILE_NAME.test(text.trim()) && !/[，。；]/u.test(text);
}

/** The file name without its extension. */
export function fileNameStem(text: string): string {
  return text.trim().replace(/\.[A-Za-z]+$/u, "");
}

/**
 * The publishing unit a metadata line names ("发文单位: | 鄂州市行政审批局 |", "[ 发布机构 ] 大足区发展改革委"),
 * or the line after a label alone ("• 发布机构" / "• 保山市卫生健康委员会"); null for any other line.
 */
export function publisherOf(text: string, next = ""): string | null {
  const match = PUBLISHER.exec(text);
  if (match === null) return null;
  const name = match[1] === "" ? next.trim().replace(/^[-*·•]\s*/u, "") : (match[1] ?? "");
  return looksLikeUnitName(name) ? name : null;
}
