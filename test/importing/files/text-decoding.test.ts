import { describe, expect, it } from "vitest";
import { decodeText, unreadableByteRows } from "../../../src/importing/files/text-decoding.ts";
import { scanUtf8 } from "../../../src/importing/files/utf8-scan.ts";

const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("scanUtf8 (issue 16)", () => {
  it("counts multi-byte characters and lists the offsets of bad bytes", () => {
    // 预 (3 bytes), a, stray 0xff, 算 (3 bytes), truncated E7 9A, b
    const bytes = Buffer.concat([
      utf8("预a"),
      Buffer.from([0xff]),
      utf8("算"),
      Buffer.from([0xe7, 0x9a]),
      utf8("b"),
    ]);
    expect(scanUtf8(bytes)).toEqual({ multiByte: 2, invalid: [4, 8, 9] });
  });

  it("refuses overlong forms and surrogates", () => {
    expect(scanUtf8(Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80])).multiByte).toBe(0);
  });
});

describe("a UTF-8 file with a few bad bytes stays UTF-8 (issue 16)", () => {
  const report = "郑州市金水区电子政务中心2021年度部门整体绩效自评\n预算执行率97%\n";

  it("names the bad bytes with their lines instead of reading the file as GB18030", () => {
    const good = utf8(report);
    // a stray 0xff after 郑州 (offset 6) and 0xfe at the start of line 2 (offset 71 + 1 for the 0xff)
    const firstLine = utf8("郑州市金水区电子政务中心2021年度部门整体绩效自评\n").length;
    expect(firstLine).toBe(71);
    const bytes = Buffer.concat([
      good.subarray(0, 6),
      Buffer.from([0xff]),
      good.subarray(6, 71),
      Buffer.from([0xfe]),
      good.subarray(71),
    ]);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({
      text: "郑州\uFFFD市金水区电子政务中心2021年度部门整体绩效自评\n\uFFFD预算执行率97%\n",
      encoding: "utf-8",
      unreadable: [
        { offset: 6, line: 1 },
        { offset: 72, line: 2 },
      ],
    });
    expect(unreadableByteRows(decoded?.unreadable ?? [], ["甲", "乙"])).toEqual([
      {
        line: 1,
        text: "甲",
        reason:
          "第1行有1个字节不是有效的 UTF-8 编码（文件第6字节，从0数起），无法读取，显示为“\uFFFD”；文件其余部分按 UTF-8 读取。请检查这一行，或用 UTF-8 重新保存文件（例如记事本“另存为”时编码选 UTF-8）",
      },
      {
        line: 2,
        text: "乙",
        reason:
          "第2行有1个字节不是有效的 UTF-8 编码（文件第72字节，从0数起），无法读取，显示为“\uFFFD”；文件其余部分按 UTF-8 读取。请检查这一行，或用 UTF-8 重新保存文件（例如记事本“另存为”时编码选 UTF-8）",
      },
    ]);
  });

  it("offsets count the byte-order mark", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8("预算"),
      Buffer.from([0x80]),
      utf8("执行率"),
    ]);
    expect(decodeText(bytes)).toEqual({
      text: "预算\uFFFD执行率",
      encoding: "utf-8",
      unreadable: [{ offset: 9, line: 1 }],
    });
  });

  it("a GB18030 file is still read as GB18030", () => {
    // 郑州市金水区2021年度部门预算执行率97% in GBK, bytes from iconv
    const gbk = Buffer.from(
      "d6a3d6ddcad0bdf0cbaec7f832303231c4eab6c8b2bfc3c5d4a4cbe3d6b4d0d0c2ca393725",
      "hex",
    );
    // d6a3, d0bd, cbae, c8b2, d4a4, d6b4 happen to be valid 2-byte UTF-8; 18 bytes start nothing valid
    expect(scanUtf8(gbk)).toEqual({
      multiByte: 6,
      invalid: [2, 3, 4, 7, 10, 11, 16, 17, 18, 21, 22, 23, 26, 27, 30, 31, 32, 33],
    });
    expect(decodeText(gbk)).toEqual({ text: "郑州市金水区2021年度部门预算执行率97%", encoding: "gb18030" });
  });
});
