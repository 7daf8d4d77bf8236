import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ok } from "../../../src/core/result.ts";
import { loadReports } from "../../../src/services/load-reports.ts";
import { reviewBatch } from "../../../src/services/review/review-batch.ts";
import { findReportFiles } from "../../../src/services/review/review-files.ts";
import { plainOptions } from "./review-folder.ts";

/**
 * `ziping review` on bad input: a symbolic link loop and links read twice, more files than the limit,
 * a file that changes while it is read, a path that does not exist, and a report read by OCR. Each
 * run finishes, and every problem is listed.
 */

const root = join(import.meta.dirname, "../../..");
const SEED_000 = join(root, "fixtures/seeds/000_0839647822e00506.txt");
const SEED_001 = join(root, "fixtures/seeds/001_ed109474d837ba6d.txt");

function tempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), "ziping-review-bad-")));
}

describe("links", () => {
  it("a loop is not entered again, and a file or folder reached twice is read once", async () => {
    const dir = tempDir();
    const outside = tempDir();
    mkdirSync(join(dir, "a"));
    copyFileSync(SEED_000, join(dir, "a/000.txt"));
    symlinkSync(join(dir, "a"), join(dir, "a/loop"));
    symlinkSync(join(dir, "a/000.txt"), join(dir, "a/zz-link.txt"));
    copyFileSync(SEED_001, join(outside, "001.txt"));
    symlinkSync(outside, join(dir, "link1"));
    symlinkSync(outside, join(dir, "link2"));
    symlinkSync(join(dir, "gone.txt"), join(dir, "broken-link.txt"));
    const found = findReportFiles([dir]);
    expect(found).toEqual({
      files: [join(dir, "a/000.txt"), join(dir, "link1/001.txt")],
      seen: 2,
      other: 0,
      overLimit: false,
      skipped: [
        {
          path: join(dir, "a/loop"),
          code: "symlink_loop",
          reason: `${join(dir, "a/loop")} 链接回到上层文件夹 ${join(dir, "a")}，形成循环，未再进入`,
        },
        {
          path: join(dir, "a/zz-link.txt"),
          code: "link_seen",
          reason: `${join(dir, "a/zz-link.txt")} 与已读取的 ${join(dir, "a/000.txt")} 是同一个文件（经由链接或重复给出），只读一次`,
        },
        {
          path: join(dir, "broken-link.txt"),
          code: "not_found",
          reason: `${join(dir, "broken-link.txt")} 是指向不存在位置的链接，未审阅`,
        },
        {
          path: join(dir, "link2"),
          code: "link_seen",
          reason: `${join(dir, "link2")} 与已读取的文件夹 ${outside} 是同一个（经由链接或重复给出），只读一次`,
        },
      ],
    });
    const result = await reviewBatch([dir], plainOptions());
    expect(result.entries.map((e) => [e.path, e.unit])).toEqual([
      [join(dir, "a/000.txt"), "郑州市金水区电子政务中心"],
      [join(dir, "link1/001.txt"), "金水区智慧城市管理中心"],
    ]);
    expect(result.run.skipped.map((s) => s.code)).toEqual([
      "symlink_loop",
      "link_seen",
      "not_found",
      "link_seen",
    ]);
  });
});

describe("more files than the limit", () => {
  it("reviews the first ones in path order and says how many were left", async () => {
    const dir = tempDir();
    for (const name of ["e.txt", "b.txt", "d.txt", "a.txt", "c.txt"])
      writeFileSync(join(dir, name), `${name} 不是报告`);
    writeFileSync(join(dir, "f.csv"), "not a report");
    const result = await reviewBatch([dir], { ...plainOptions(), fileLimit: 3 });
    expect(result.entries.map((e) => e.path).sort()).toEqual(
      ["a.txt", "b.txt", "c.txt"].map((n) => join(dir, n)),
    );
    expect(result.run).toMatchObject({
      filesSeen: 5,
      filesReviewed: 3,
      otherFiles: 1,
      fileLimit: 3,
      overLimit: true,
      skipped: [
        {
          path: dir,
          code: "over_limit",
          reason:
            "找到 5 个报告文件，超过一次最多审阅的 3 个：按路径顺序审阅了前 3 个，其余 2 个未审阅。请分批运行，例如每次给出一个子文件夹",
        },
      ],
    });
  });
});

describe("a file that changes while it is read", () => {
  it("is listed as such, and the other files are reviewed", async () => {
    const dir = tempDir();
    copyFileSync(SEED_000, join(dir, "changing.txt"));
    copyFileSync(SEED_001, join(dir, "steady.txt"));
    const result = await reviewBatch([dir, join(dir, "missing.docx")], {
      ...plainOptions(),
      // Someone saves the file again while the importer reads it.
      load: async (path) => {
        const loaded = await loadReports(path);
        if (path.endsWith("changing.txt")) appendFileSync(path, "\n补充说明。\n");
        return loaded;
      },
    });
    expect(result.entries.map((e) => [e.path, e.status, e.unreadable?.code ?? null])).toEqual([
      [join(dir, "changing.txt"), "unreadable", "file.changed_while_read"],
      [join(dir, "steady.txt"), "read", null],
    ]);
    expect(result.entries[0]?.unreadable?.reason).toBe(
      `文件 ${join(dir, "changing.txt")} 在读取过程中被改动（大小、修改时间或内容变了），读到的内容不可靠，未审阅。请等文件保存完毕后重新运行，例如 ziping review 报告文件夹/`,
    );
    expect(result.run.skipped).toEqual([
      {
        path: join(dir, "missing.docx"),
        code: "not_found",
        reason: `找不到 ${join(dir, "missing.docx")}。请检查路径，例如 ziping review 报告文件夹/`,
      },
    ]);
  });
});

describe("a report read by OCR", () => {
  it("says so on the row and on every finding", async () => {
    const dir = tempDir();
    copyFileSync(SEED_001, join(dir, "scan.txt"));
    const result = await reviewBatch([dir], {
      ...plainOptions(),
      // The importer's provenance when it read a scan by OCR (importing/files/ocr-pages.ts).
      load: async (path) => {
        const loaded = await loadReports(path);
        if (!loaded.ok) return loaded;
        return ok(
          loaded.value.map((r) => ({
            ...r,
            ocr: { engine: "PP-OCRv4", pages: 3, read: 3, unreadPages: [], unclearFigures: [] },
          })),
        );
      },
    });
    const [entry] = result.entries;
    expect([entry?.fromOcr, entry?.findings.length, entry?.findings.every((f) => f.fromOcr)]).toEqual([
      true,
      7,
      true,
    ]);
  });
});
