import { fail, type Result } from "../../core/result.ts";
import type { ContentExcess } from "./content-limits.ts";
import { formatSize, MAX_OFFICE_FILE_BYTES, MAX_PDF_FILE_BYTES, MAX_TEXT_FILE_BYTES } from "./file-limits.ts";

/**
 * The reasons an uploaded file is not read, as stable codes with Chinese messages that name the
 * file, say what was expected and give an example.
 */

/** Stable codes of the failures of `readDocument`. */
export type FileProblemCode =
  | "file.docx_images_only"
  | "file.empty"
  | "file.too_large"
  | "file.not_text"
  | "file.not_zip"
  | "file.zip_bomb"
  | "file.legacy_office"
  | "file.encrypted"
  | "file.unsupported_type"
  | "file.corrupt"
  | "file.not_pdf"
  | "file.pdf_encrypted"
  | "file.pdf_scanned"
  | "file.pdf_no_text"
  | "file.pdf_too_many_pages"
  | "file.pdf_timeout"
  | "file.pdf_too_complex"
  | "file.pdf_corrupt"
  | "file.ocr_unavailable"
  | "file.ocr_unreadable"
  | "file.image_too_large";

/** What a message may state besides the file name. */
export interface ProblemFacts {
  /** The file's size, for `file.too_large`. */
  size?: number;
  /** True when the size limit is the text-file one. */
  text?: boolean;
  /** A sheet whose used range is too large, and its cell count. */
  sheet?: string;
  cells?: number;
  /** A PDF's page count, the most pages read, and the time limit in seconds. */
  pages?: number;
  limit?: number;
  seconds?: number;
  /** A workbook or text measure over its limit (shared strings, cells, rows, lines...). */
  excess?: ContentExcess;
  /** A short Chinese detail from the reader, e.g. "其中 word/document.xml 解压后超过 50 MB". */
  detail?: string;
}

const SUPPORTED =
  "可导入 Word 文档（.docx）、Excel 工作簿（.xlsx）、带文字的 PDF（.pdf）或文本文件（.txt、.md），例如 自评报告.docx；扫描件（PDF 或 .png/.jpg 图片）经 OCR 识别";
/** What to do with a PDF that cannot be read: give the report in another form. */
const PDF_ADVICE = "请提供带文字的 PDF 或 Word 版本，例如 自评报告.docx";

/** A function giving the failed result of `code` for the file `fileName` (the result's path). */
export function fileProblem(
  fileName: string,
): (code: FileProblemCode, facts?: ProblemFacts) => Result<never> {
  return (code, facts = {}) => fail(code, fileMessage(fileName, code, facts), fileName);
}

/** The Chinese message of a problem with the file `fileName`. */
export function fileMessage(fileName: string, code: FileProblemCode, facts: ProblemFacts = {}): string {
  const file = `文件 ${fileName}`;
  const ext = extensionOf(fileName);
  const excel = ext === "xlsx" || ext === "xls" || ext === "et";
  const app = excel ? "Excel" : "Word";
  const example = excel ? "自评表.xlsx" : "自评报告.docx";
  const modern = excel ? ".xlsx" : ".docx";
  const detail = facts.detail !== undefined && facts.detail !== "" ? `（${facts.detail}）` : "";
  switch (code) {
    case "file.docx_images_only":
      return `${file} 中的表格是图片，无法读取文字（文档里只有图片，没有可读取的表格或正文）。请提供可编辑的 Word 表格或 Excel，例如 自评表.xlsx`;
    case "file.empty":
      return `${file} 是空的，没有可读取的内容。请选择写有报告内容的文件，例如 自评报告.docx 或 自评表.xlsx`;
    case "file.too_large":
      if (facts.excess !== undefined) return excessMessage(file, ext, facts.excess);
      if (facts.sheet !== undefined) {
        return `${file} 的工作表“${facts.sheet}”使用范围有 ${facts.cells ?? "过多"} 个单元格，过大，未读取。请删去表格以外多余的行列（包括只设了格式的空行空列）后另存，例如 自评表.xlsx`;
      }
      if (ext === "pdf") {
        return `${file} 有 ${formatSize(facts.size ?? 0)}，超过 PDF 文件的上限 ${formatSize(MAX_PDF_FILE_BYTES)}，未读取。请只导出自评报告部分的页面，或压缩其中的图片后另存再导入，例如 自评报告.pdf`;
      }
      if (ext === "png" || ext === "jpg" || ext === "jpeg") {
        return `${file} 有 ${formatSize(facts.size ?? 0)}，超过扫描图片的上限 ${formatSize(MAX_PDF_FILE_BYTES)}，未读取。请以 300 dpi 以下的分辨率重新扫描，或另存为 JPEG 后再导入，例如 扫描页.jpg`;
      }
      return facts.text === true
        ? `${file} 有 ${formatSize(facts.size ?? 0)}，超过文本文件的上限 ${formatSize(MAX_TEXT_FILE_BYTES)}，未读取。请只保留报告正文和表格后再导入，例如 自评报告.txt`
        : `${file} 有 ${formatSize(facts.size ?? 0)}，超过 Word/Excel 文件的上限 ${formatSize(MAX_OFFICE_FILE_BYTES)}，未读取。请删去图片等与报告无关的内容后另存再导入，例如 ${example}`;
    case "file.not_text":
      return `${file} 不是文本文件（含有二进制内容），无法按 .${ext} 读取。请导入纯文本文件，或原来的 Word（.docx）、Excel（.xlsx）文件，例如 自评报告.txt`;
    case "file.not_zip":
      return `${file} 不是有效的 ${app} 文件：${modern} 文件应是 zip 压缩包，这个文件不是${detail}，可能是改了扩展名的其他文件或已损坏。请用 ${app} 打开原文件，另存为 ${modern} 后再导入，例如 ${example}`;
    case "file.zip_bomb":
      return `${file} 解压后的内容异常巨大${detail}，为安全起见未读取。请用 ${app} 打开确认内容后重新另存为 ${modern} 再导入，例如 ${example}`;
    case "file.legacy_office":
      return legacyMessage(file, ext);
    case "file.encrypted":
      return `${file} 设置了打开密码（已加密），无法读取。请在 ${app} 中取消密码后另存为 ${modern} 再导入，例如 ${example}`;
    case "file.unsupported_type": {
      const format =
        ext === ""
          ? "没有扩展名，格式无法判断"
          : detail !== ""
            ? "的内容不是 Word 或 Excel 文件"
            : `的格式（.${ext}）不支持`;
      return `${file} ${format}${detail}。${SUPPORTED}`;
    }
    case "file.not_pdf": {
      const what = facts.detail ?? "，可能是改了扩展名的其他文件或已损坏";
      return `${file} 不是有效的 PDF 文件（PDF 文件以“%PDF-”开头）${what}。请用原来的程序打开它，另存为 PDF 或 Word（.docx）后再导入，例如 自评报告.pdf`;
    }
    case "file.pdf_encrypted":
      return `${file} 设置了打开密码（已加密），无法读取。请取消密码后重新导出 PDF，或提供 Word 版本，例如 自评报告.docx`;
    case "file.pdf_scanned":
      return `${file} 共 ${facts.pages ?? 0} 页，都是图片，没有文字层，是扫描件，无法读取其中的文字（未启用 OCR 识别）。${PDF_ADVICE}`;
    case "file.ocr_unavailable":
      return `${file} 是扫描件${facts.pages === undefined ? "" : `（共 ${facts.pages} 页图片）`}，未能识别：${facts.detail ?? "未安装 OCR 引擎"}；或提供带文字的 PDF 或 Word 版本，例如 自评报告.docx`;
    case "file.ocr_unreadable":
      return `${file} 是扫描件，OCR 未能识别出文字${detail}。${PDF_ADVICE}`;
    case "file.image_too_large":
      return `${file} 是图片，${facts.detail ?? "尺寸过大"}。请把扫描分辨率降到 300 dpi 以下后重新保存（例如 A4 页面 2480×3508 像素），或提供 Word 版本，例如 自评报告.docx`;
    case "file.pdf_no_text":
      return `${file} 共 ${facts.pages ?? 0} 页，没有可读取的文字（文字可能已转为曲线或图形）。${PDF_ADVICE}`;
    case "file.pdf_too_many_pages":
      return `${file} 共 ${facts.pages ?? 0} 页，超过 PDF 的上限 ${facts.limit ?? 0} 页，未读取（自评报告一般不超过 100 页）。请只导出自评报告所在的页面另存为 PDF 后再导入，例如 自评报告.pdf`;
    case "file.pdf_timeout":
      return `${file} 在 ${facts.seconds ?? 0} 秒内未能读完（可能含有异常复杂的字体或图形），为安全起见已停止读取。${PDF_ADVICE}`;
    case "file.pdf_too_complex":
      return `${file} 读取时占用的内存超过上限 ${formatSize(facts.size ?? 0)}（可能含有异常巨大的字体或图形），为安全起见已停止读取。${PDF_ADVICE}`;
    case "file.pdf_corrupt":
      return `${file} 已损坏或不是完整的 PDF，无法读取${detail}。请用 PDF 阅读器打开确认后重新导出 PDF，或提供 Word 版本，例如 自评报告.docx`;
    case "file.corrupt":
      return `${file} 已损坏或不完整，无法读取${detail}。请用 ${app} 打开后重新另存为 ${modern} 再导入，例如 ${example}`;
  }
}

/** A count as written in messages: "1,200,000". */
const grouped = (n: number): string => n.toLocaleString("en-US");

/** A workbook or text file over one of its content limits: what it has, the limit, what to do. */
function excessMessage(file: string, ext: string, { what, count, limit }: ContentExcess): string {
  const sheets = "请只保留自评表所在的工作表（删去其他工作表和表格以外的行列）后另存再导入，例如 自评表.xlsx";
  const word = ext === "docx";
  const text = word
    ? "请只保留报告正文和表格，删去附件等其他内容后另存再导入，例如 自评报告.docx"
    : "请只保留报告正文和表格后再导入，例如 自评报告.txt";
  const kind = word ? " Word 文档" : "文本文件";
  switch (what) {
    case "sharedStrings":
      return `${file} 有 ${grouped(count)} 个共享字符串（不同的单元格文字），超过上限 ${grouped(limit)} 个，未读取。${sheets}`;
    case "cells":
      return `${file} 的工作表共有 ${grouped(count)} 个单元格，超过上限 ${grouped(limit)} 个，未读取。${sheets}`;
    case "rows":
      return `${file} 的工作表共有 ${grouped(count)} 行，超过上限 ${grouped(limit)} 行，未读取。${sheets}`;
    case "xmlBytes":
      return `${file} 的工作表解压后共有 ${formatSize(count)}，超过上限 ${formatSize(limit)}，未读取。${sheets}`;
    case "documentBytes":
      return `${file} 的正文解压后有 ${formatSize(count)}，超过 Word 文档的上限 ${formatSize(limit)}，未读取。${text}`;
    case "lines": {
      const unit = word ? "段" : "行";
      const what = word ? "段（段落和表格行）" : "行";
      return `${file} 有 ${grouped(count)} ${what}，超过${kind}的上限 ${grouped(limit)} ${unit}，未读取。${text}`;
    }
    case "chars":
      return `${file} 有 ${grouped(count)} 个字符，超过${kind}的上限 ${grouped(limit)} 个字符，未读取。${text}`;
  }
}

/** The lower-case extension of a file name, without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** Old binary Office formats: which program saves them in the new format. */
function legacyMessage(file: string, ext: string): string {
  switch (ext) {
    case "xls":
      return `${file} 是旧版 Excel 97-2003 格式（.xls），无法读取。请在 Excel 中另存为 .xlsx 后再导入，例如 自评表.xlsx`;
    case "et":
      return `${file} 是 WPS 表格格式（.et），无法读取。请在 WPS 中另存为 .xlsx 后再导入，例如 自评表.xlsx`;
    case "wps":
      return `${file} 是 WPS 文字格式（.wps），无法读取。请在 WPS 中另存为 .docx 后再导入，例如 自评报告.docx`;
    case "xlsx":
      return `${file} 实际是旧版 Excel 97-2003 格式（.xls，只是扩展名为 .xlsx），无法读取。请在 Excel 中另存为 .xlsx 后再导入，例如 自评表.xlsx`;
    case "docx":
      return `${file} 实际是旧版 Word 97-2003 格式（.doc，只是扩展名为 .docx），无法读取。请在 Word 中另存为 .docx 后再导入，例如 自评报告.docx`;
    default:
      return `${file} 是旧版 Word 97-2003 格式（.doc），无法读取。请在 Word 中另存为 .docx 后再导入，例如 自评报告.docx`;
  }
}
