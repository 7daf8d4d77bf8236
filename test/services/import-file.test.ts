import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report.ts";
import { type ImportedFile, importFile } from "../../src/services/import-file.ts";
import { seedTableText, seedXlsx, wholeSeedDocx } from "../importing/files/seed-documents.ts";
import { writeZip } from "../importing/files/zip-writer.ts";

/** `importFile`: a file on disk to report models, or a failed result with a stable code and a Chinese message. */

const root = join(import.meta.dirname, "../..");
const seedPath = (name: string) => join(root, "fixtures/seeds", name);
const S000 = seedPath("000_0839647822e00506.txt");

const dir = mkdtempSync(join(tmpdir(), "ziping-import-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** A file of `size` bytes that takes no disk space (sparse): enough for the size checks. */
function sparse(name: string, size: number): string {
  const path = write(name, "");
  truncateSync(path, size);
  return path;
}

async function imported(path: string): Promise<ImportedFile> {
  const result = await importFile(path);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function reportOf(file: ImportedFile, index = 0): Report {
  const report = file.reports[index]?.report;
  if (report === undefined || !report.ok) throw new Error(report?.error.message ?? "no report");
  return report.value;
}

/** What was read, without the line numbers (which differ between a text and the text of a document). */
const readsOf = (file: ImportedFile) =>
  file.reports.map((r) => ({ label: r.label, reads: r.reads.map(({ what, detail }) => ({ what, detail })) }));

describe("importFile reads report files", () => {
  it("a .txt: its text as written, one complete report", async () => {
    const file = await imported(S000);
    expect(file.file).toBe(S000);
    expect(file.format).toBe("text");
    expect(file.text).toBe(readFileSync(S000, "utf8"));
    expect(file.reports.map((r) => [r.label, r.report.ok, r.unread])).toEqual([["主报告", true, []]]);
    const report = reportOf(file);
    expect([report.kind, report.unit.name, report.year]).toEqual([
      "department",
      "郑州市金水区电子政务中心",
      2021,
    ]);
    expect(report.budget.executed?.text).toBe("545.06万元");
    expect(report.narrative).toHaveLength(12);
  });

  it("a .docx of the whole seed gives the same report, the same reads and nothing unread", async () => {
    const docx = await imported(write("自评报告.docx", await wholeSeedDocx()));
    const text = await imported(S000);
    expect(docx.format).toBe("docx");
    expect(reportOf(docx)).toEqual(reportOf(text));
    expect(readsOf(docx)).toEqual(readsOf(text));
    expect(docx.reports[0]?.unread).toEqual([]);
    // Its text shows Word tables as tab-separated lines, a blank line around each table.
    const lines = docx.text.split("\n");
    expect(lines[0]).toBe("电子政务中心部门整体绩效自评报告");
    expect(lines).toContain("部门(单位)名称\t\t郑州市金水区电子政务中心\t\t\t自评得分\t96\t\t");
    expect(lines).toContain("预算执行\t10\t9\t90%");
    expect(lines[lines.indexOf("指标\t权重分值\t得分\t得分率") - 1]).toBe("");
  });

  it("an .xlsx of the 自评表 gives the report of the same tables as text", async () => {
    const xlsx = await imported(write("自评表.xlsx", await seedXlsx()));
    const text = await imported(write("自评表.txt", seedTableText()));
    expect(xlsx.format).toBe("xlsx");
    expect(reportOf(xlsx)).toEqual(reportOf(text));
    expect(readsOf(xlsx)).toEqual(readsOf(text));
    expect(reportOf(xlsx).summary.blocks.map((b) => [b.name, b.weight, b.score])).toEqual([
      ["预算执行", 10, 9],
      ["投入管理", 20, 19],
      ["产出指标", 40, 40],
      ["效益指标", 30, 28],
    ]);
  });

  it("seed 003 holds two reports: the department one and its annex project 自评表", async () => {
    const file = await imported(seedPath("003_3bc036a0d1488051.txt"));
    expect(file.reports.map((r) => [r.label, r.report.ok])).toEqual([
      ["主报告", true],
      ["2020年项目支出绩效自评表", true],
    ]);
    const annex = reportOf(file, 1);
    expect([annex.kind, annex.unit.name, annex.year, annex.project]).toEqual([
      "project",
      "浏阳市数据资源中心",
      2020,
      "全市政务网络（政务外网和党政工作专网）链路租赁经费",
    ]);
    expect(file.reports[1]?.unread.map((u) => u.reason)).toEqual([
      "第514行“上年结转资金”不在报告模型中（只读合计、资金来源和资金结构），未读取",
    ]);
  });

  it("seed 002: the report title gives kind, year and unit; the prose lists 23 tasks", async () => {
    const file = await imported(seedPath("002_65c9de34f8230d6c.txt"));
    const reads = file.reports[0]?.reads ?? [];
    expect(reads[0]).toEqual({
      what: "报告标题",
      detail: "2022 年度管城回族区政务服务和大数管理 局部门整体自评报告",
      firstLine: 3,
      lastLine: 3,
    });
    expect(reads.find((r) => r.what === "年度主要任务（编号列表）")?.detail).toBe("读取23项");
    const report = reportOf(file);
    expect([report.unit.name, report.year, report.tasks.length]).toEqual([
      "管城回族区政务服务和大数管理局",
      2022,
      23,
    ]);
  });

  it("a text with no report in it is read, but its report is incomplete (import.incomplete)", async () => {
    const file = await imported(write("你好.txt", "你好"));
    expect([file.format, file.text]).toEqual(["text", "你好"]);
    const [only] = file.reports;
    expect(only?.label).toBe("主报告");
    expect(only?.report.ok).toBe(false);
    if (only?.report.ok === false) {
      expect(only.report.error.code).toBe("import.incomplete");
      expect(only.report.error.message).toMatch(
        /^你好\.txt（主报告）读出的内容不符合要求：\n {2}- 报告类型应为部门整体或项目支出.*\n {2}- 没有单位名称.*\n {2}- 年度应为四位年份/,
      );
    }
  });

  it("a GB18030 text file is decoded", async () => {
    const file = await imported(write("国标.txt", Buffer.from([0xc4, 0xe3, 0xba, 0xc3])));
    expect(file.text).toBe("你好");
  });
});

describe("importFile refuses what it cannot read, with a stable code and a message naming the file", () => {
  const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const MB = 1024 * 1024;
  const binary = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256));

  const cases: Array<[string, () => string, string, RegExp]> = [
    [
      "a missing file",
      () => join(dir, "没有这个文件.txt"),
      "file.not_found",
      /^找不到文件 .*没有这个文件\.txt。请检查路径，例如 /,
    ],
    [
      "a folder",
      () => {
        const folder = join(dir, "一个文件夹.docx");
        mkdirSync(folder, { recursive: true });
        return folder;
      },
      "file.not_file",
      /一个文件夹\.docx 不是文件。请给出报告文件，例如 自评报告\.docx$/,
    ],
    [
      "a 50 MB .txt (refused before it is read)",
      () => sparse("巨大.txt", 50 * MB),
      "file.too_large",
      /^文件 巨大\.txt 有 50 MB，超过文本文件的上限 5 MB，未读取。/,
    ],
    [
      "a 6 MB .txt (over the text limit)",
      () => sparse("六兆.txt", 6 * MB),
      "file.too_large",
      /^文件 六兆\.txt 有 6 MB，超过文本文件的上限 5 MB，未读取。/,
    ],
    [
      "a 21 MB .docx",
      () => sparse("巨大.docx", 21 * MB),
      "file.too_large",
      /^文件 巨大\.docx 有 21 MB，超过 Word\/Excel 文件的上限 20 MB，未读取。/,
    ],
    ["an empty file", () => write("空.docx", ""), "file.empty", /^文件 空\.docx 是空的，没有可读取的内容。/],
    ["a blank .txt", () => write("空白.txt", " \n\n\t\n"), "file.empty", /^文件 空白\.txt 是空的/],
    [
      "binary bytes named .txt",
      () => write("二进制.txt", binary),
      "file.not_text",
      /^文件 二进制\.txt 不是文本文件（含有二进制内容），无法按 \.txt 读取。/,
    ],
    [
      "binary bytes named .docx",
      () => write("改名.docx", binary),
      "file.not_zip",
      /^文件 改名\.docx 不是有效的 Word 文件：\.docx 文件应是 zip 压缩包/,
    ],
    [
      "binary bytes named .xlsx",
      () => write("改名.xlsx", binary),
      "file.not_zip",
      /^文件 改名\.xlsx 不是有效的 Excel 文件：\.xlsx 文件应是 zip 压缩包/,
    ],
    [
      "a zip bomb (3 MB of zeros declared as 2 KB)",
      () =>
        write(
          "炸弹.docx",
          writeZip([
            { name: "[Content_Types].xml", data: "<Types/>" },
            { name: "word/document.xml", data: new Uint8Array(3 * MB), declaredSize: 2048 },
          ]),
        ),
      "file.zip_bomb",
      /^文件 炸弹\.docx 解压后的内容异常巨大（其中 word\/document\.xml 的压缩比超过 200 倍，疑似“压缩炸弹”）/,
    ],
    [
      "an .xls",
      () => write("旧表.xls", Buffer.concat([OLE2, binary])),
      "file.legacy_office",
      /^文件 旧表\.xls 是旧版 Excel 97-2003 格式（\.xls），无法读取。请在 Excel 中另存为 \.xlsx/,
    ],
    [
      "a .doc renamed .docx",
      () => write("旧文档.docx", Buffer.concat([OLE2, binary])),
      "file.legacy_office",
      /^文件 旧文档\.docx 实际是旧版 Word 97-2003 格式（\.doc，只是扩展名为 \.docx）/,
    ],
    [
      "a password-protected .xlsx",
      () => write("加密.xlsx", Buffer.concat([OLE2, binary, Buffer.from("EncryptedPackage", "utf16le")])),
      "file.encrypted",
      /^文件 加密\.xlsx 设置了打开密码（已加密），无法读取。请在 Excel 中取消密码/,
    ],
    [
      "a .docx without word/document.xml",
      () => write("残缺.docx", writeZip([{ name: "[Content_Types].xml", data: "<Types/>" }])),
      "file.corrupt",
      /^文件 残缺\.docx 已损坏或不完整，无法读取（缺少 word\/document\.xml）/,
    ],
    [
      "a plain zip named .docx",
      () => write("压缩包.docx", writeZip([{ name: "a.txt", data: "x" }])),
      "file.unsupported_type",
      /^文件 压缩包\.docx 的内容不是 Word 或 Excel 文件（是普通 zip 压缩包）/,
    ],
    [
      "a .pdf that is only a header",
      () => write("报告.pdf", "%PDF-1.4"),
      "file.pdf_corrupt",
      /^文件 报告\.pdf 已损坏或不是完整的 PDF，无法读取（pdf\.js 无法解析其结构）。请用 PDF 阅读器打开确认后重新导出 PDF/,
    ],
  ];

  it.each(cases)("%s", async (_name, make, code, message) => {
    const result = await importFile(make());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    }
  });
});

describe("a UTF-8 file with bad bytes (issue 16)", () => {
  it("is read as UTF-8 and each line with bad bytes is listed as unread", async () => {
    const text = "郑州市金水区电子政务中心\n预算执行率97%\n";
    const good = Buffer.from(text, "utf8");
    // 0xff after 郑州 (two characters of three bytes: offset 6)
    const file = join(dir, "bad-bytes.txt");
    writeFileSync(file, Buffer.concat([good.subarray(0, 6), Buffer.from([0xff]), good.subarray(6)]));
    const r = await importFile(file);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.text).toBe("郑州\uFFFD市金水区电子政务中心\n预算执行率97%\n");
    expect(r.value.reports[0]?.unread[0]).toEqual({
      line: 1,
      text: "郑州\uFFFD市金水区电子政务中心",
      reason:
        "第1行有1个字节不是有效的 UTF-8 编码（文件第6字节，从0数起），无法读取，显示为“\uFFFD”；文件其余部分按 UTF-8 读取。请检查这一行，或用 UTF-8 重新保存文件（例如记事本“另存为”时编码选 UTF-8）",
    });
  });
});

describe("a unit name with bidirectional controls in a file (issue 16)", () => {
  it("is read without them", async () => {
    const seed = readFileSync(join(root, "fixtures/seeds/000_0839647822e00506.txt"), "utf8");
    const file = join(dir, "bidi.txt");
    writeFileSync(
      file,
      seed.replace("郑州市金水区电子政务中心", "郑州市\u202e金水区\u00ad电子\u2066政务中心\u2069"),
    );
    const r = await importFile(file);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.reports[0]?.fragment.unit).toEqual({ name: "郑州市金水区电子政务中心" });
  });
});
