import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { listZip, looksLikeZip, scanZip, type ZipLimits } from "../../../src/importing/files/zip-reader.ts";
import { writeZip } from "./zip-writer.ts";

const limits: ZipLimits = {
  maxTotalBytes: 3000,
  maxEntryBytes: 2000,
  maxEntries: 5,
  maxRatio: 200,
  ratioFloorBytes: 1_000_000,
};
const text = (n: number, ch = "a") => ch.repeat(n);

describe("zip reader", () => {
  it("lists entries from the central directory and returns the kept ones, stored or deflated", () => {
    const zip = writeZip([
      { name: "word/", data: "" },
      { name: "word/document.xml", data: "<w:document/>" },
      { name: "中文名.txt", data: "内容", method: "stored" },
    ]);
    expect(looksLikeZip(zip)).toBe(true);
    const listed = listZip(zip);
    expect(listed.ok && listed.value.map((e) => [e.name, e.method])).toEqual([
      ["word/document.xml", 8],
      ["中文名.txt", 0],
    ]);
    const scanned = scanZip(zip, limits, () => true);
    if (!scanned.ok) throw new Error(scanned.failure.detail);
    expect([...scanned.value].map(([name, data]) => [name, new TextDecoder().decode(data)])).toEqual([
      ["word/document.xml", "<w:document/>"],
      ["中文名.txt", "内容"],
    ]);
  });

  it("stops an entry at the entry limit whatever its header declares", () => {
    const zip = writeZip([{ name: "big.xml", data: text(2001), declaredSize: 10 }]);
    expect(scanZip(zip, limits)).toEqual({
      ok: false,
      failure: { code: "file.zip_bomb", detail: "其中 big.xml 解压后超过 2 KB，疑似“压缩炸弹”" },
    });
    const stored = writeZip([{ name: "big.bin", data: text(2001), method: "stored", declaredSize: 10 }]);
    expect(scanZip(stored, limits).ok).toBe(false);
  });

  it("stops at the total limit across entries", () => {
    const zip = writeZip([
      { name: "a.xml", data: text(1500) },
      { name: "b.xml", data: text(1600) },
    ]);
    expect(scanZip(zip, limits)).toEqual({
      ok: false,
      failure: { code: "file.zip_bomb", detail: "解压后的内容合计超过 2.9 KB，疑似“压缩炸弹”" },
    });
  });

  it("holds entries above the ratio floor to the compression ratio", () => {
    const zeros = new Uint8Array(300_000);
    const zip = writeZip([{ name: "zeros.bin", data: zeros }]);
    const strict = { ...limits, maxTotalBytes: 1e9, maxEntryBytes: 1e9, ratioFloorBytes: 1000 };
    const result = scanZip(zip, strict);
    expect(result.ok === false && result.failure).toEqual({
      code: "file.zip_bomb",
      detail: "其中 zeros.bin 的压缩比超过 200 倍，疑似“压缩炸弹”",
    });
    expect(scanZip(zip, { ...strict, ratioFloorBytes: 300_000 }).ok).toBe(true);
  });

  it("refuses too many entries before inflating any", () => {
    const zip = writeZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.xml`, data: "x" })));
    expect(scanZip(zip, limits)).toEqual({
      ok: false,
      failure: { code: "file.zip_bomb", detail: "压缩包含 6 个文件，超过上限 5 个" },
    });
  });

  it("refuses a size that differs from the declared one, and a damaged deflate stream", () => {
    const lying = writeZip([{ name: "a.xml", data: text(100), declaredSize: 99 }]);
    expect(scanZip(lying, limits)).toEqual({
      ok: false,
      failure: { code: "file.corrupt", detail: "其中 a.xml 解压后的大小与压缩包记录的不符" },
    });
    const damaged = writeZip([
      { name: "a.xml", data: "abc", compressed: new Uint8Array([0xff, 0xff, 0xff]) },
    ]);
    expect(scanZip(damaged, limits)).toEqual({
      ok: false,
      failure: { code: "file.corrupt", detail: "其中 a.xml 无法解压（文件可能已损坏）" },
    });
    const cut = writeZip([{ name: "a.xml", data: deflateRawSync(text(100)) }]);
    expect(listZip(cut.subarray(0, cut.length - 30)).ok).toBe(false);
  });
});
