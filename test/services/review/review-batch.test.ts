import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { reviewBatch } from "../../../src/services/review/review-batch.ts";
import { type ReviewResult, ReviewResultSchema } from "../../../src/services/review/review-result.ts";
import { buildReviewFolder, FOLDER, PLANTED, plainOptions } from "./review-folder.ts";

/**
 * `reviewBatch` on a reviewer's folder of 13 report files (14 reports: seed 003 holds a 项目支出
 * annex): the ranked overview exactly, the broken file listed with its reason, the scanned page read
 * by OCR and marked so on its row and every finding, both kinds of duplicate noticed, and the
 * paragraph pasted into two agencies' reports found with both.
 */

let dir: string;
let result: ReviewResult;
beforeAll(async () => {
  dir = await buildReviewFolder(mkdtempSync(join(tmpdir(), "ziping-review-")));
  result = await reviewBatch([dir], plainOptions());
}, 300_000);

const rel = (path: string) => path.slice(dir.length + 1);

describe("a reviewer's folder of 13 files", () => {
  it("is ranked: unreadable files, then reports whose score is not confirmed by the rules (most errors, warnings, score gap, notes first), duplicates last", () => {
    // Columns: rank, tier, file, label, status, unit, year, kind, score claimed / by the rules,
    // grade claimed / by the rules, errors, warnings, notes, score gap.
    // Tier 0 is the broken file; in tier 1, the scan (0 errors, 5 warnings) comes between 42 (7) and
    // 31 (4); 31 and 25 tie at 0 errors and 4 warnings, and 31's 3 notes put it first. Every report here is in tier 1:
    // either its total cannot be computed from what was read, or it differs from the claim.
    expect(
      result.entries.map((e) => [
        e.rank,
        e.rankKey.tierLabel,
        rel(e.path),
        e.label,
        e.status,
        e.unit,
        e.year,
        e.kind,
        e.score.claimed,
        e.score.byRules,
        e.grade.claimed,
        e.grade.byRules,
        e.counts.errors,
        e.counts.warnings,
        e.counts.infos,
        e.rankKey.scoreGap,
      ]),
    ).toEqual([
      [
        1,
        "无法读取",
        FOLDER.broken,
        "",
        "unreadable",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        0,
        null,
      ],
      [
        2,
        "得分待核",
        FOLDER.copy000,
        "主报告",
        "read",
        "郑州市金水区电子政务中心",
        2021,
        "department",
        96,
        92.71,
        "优",
        "优",
        13,
        7,
        1,
        3.29,
      ],
      [
        3,
        "得分待核",
        FOLDER.s003,
        "主报告",
        "read",
        "浏阳市数据资源中心",
        2020,
        "department",
        96,
        96.8,
        null,
        "优",
        4,
        15,
        18,
        0.8,
      ],
      [
        4,
        "得分待核",
        FOLDER.s002pdf,
        "主报告",
        "read",
        "管城回族区政务服务和大数管理局",
        2022,
        "department",
        98.88,
        null,
        "优",
        null,
        4,
        4,
        0,
        null,
      ],
      [
        5,
        "得分待核",
        FOLDER.s001docx,
        "主报告",
        "read",
        "金水区智慧城市管理中心",
        2021,
        "department",
        99,
        null,
        "优",
        null,
        3,
        4,
        0,
        null,
      ],
      [
        6,
        "得分待核",
        FOLDER.s003,
        "2020年项目支出绩效自评表",
        "read",
        "浏阳市数据资源中心",
        2020,
        "project",
        96,
        99,
        null,
        "优",
        3,
        3,
        1,
        3,
      ],
      [
        7,
        "得分待核",
        FOLDER.r42,
        "主报告",
        "read",
        null,
        2023,
        "department",
        null,
        null,
        null,
        null,
        0,
        7,
        2,
        null,
      ],
      [
        8,
        "得分待核",
        FOLDER.scan,
        "主报告",
        "read",
        null,
        null,
        "department",
        null,
        null,
        null,
        null,
        0,
        5,
        51,
        null,
      ],
      [
        9,
        "得分待核",
        FOLDER.r31,
        "主报告",
        "read",
        "昌宁县第一示范小学",
        2023,
        "project",
        100,
        null,
        "优",
        null,
        0,
        4,
        3,
        null,
      ],
      [
        10,
        "得分待核",
        FOLDER.r25,
        "主报告",
        "read",
        null,
        null,
        "department",
        null,
        null,
        null,
        null,
        0,
        4,
        0,
        null,
      ],
      [
        11,
        "得分待核",
        FOLDER.r29,
        "主报告",
        "read",
        "下桥镇人民政府",
        2024,
        "department",
        null,
        null,
        null,
        null,
        0,
        3,
        0,
        null,
      ],
      [
        12,
        "得分待核",
        FOLDER.r23,
        "主报告",
        "read",
        "重庆市大足区发展和改革委员会",
        2020,
        "department",
        null,
        null,
        null,
        null,
        0,
        2,
        2,
        null,
      ],
      [
        13,
        "重复",
        FOLDER.s001txt,
        "主报告",
        "duplicate",
        "金水区智慧城市管理中心",
        2021,
        "department",
        99,
        null,
        "优",
        null,
        3,
        4,
        0,
        null,
      ],
      [
        14,
        "重复",
        FOLDER.s000,
        "主报告",
        "duplicate",
        "郑州市金水区电子政务中心",
        2021,
        "department",
        96,
        92.71,
        "优",
        "优",
        0,
        0,
        0,
        3.29,
      ],
    ]);
  });

  it("lists the broken .docx with its Chinese reason", () => {
    const unreadable = result.entries
      .filter((e) => e.status === "unreadable")
      .map((e) => [rel(e.path), e.unreadable, e.worst]);
    expect(unreadable).toEqual([
      [
        FOLDER.broken,
        {
          code: "file.not_zip",
          reason:
            "文件 broken.docx 不是有效的 Word 文件：.docx 文件应是 zip 压缩包，这个文件不是（找不到 zip 目录（文件不是 zip 压缩包，或被截断）），可能是改了扩展名的其他文件或已损坏。请用 Word 打开原文件，另存为 .docx 后再导入，例如 自评报告.docx",
        },
        "无法读取：文件 broken.docx 不是有效的 Word 文件：.docx 文件应是 zip 压缩包，…",
      ],
    ]);
  });

  it("reads the scanned page by OCR: its figures as OCR read them, fromOcr on the row and every finding", () => {
    const scan = result.entries.find((e) => rel(e.path) === FOLDER.scan);
    // Page 2 of seed 000 is its budget table and indicator table: no title, so no unit or year.
    expect([scan?.status, scan?.unit, scan?.year, scan?.kind, scan?.kindAssumed, scan?.fromOcr]).toEqual([
      "read",
      null,
      null,
      "department",
      true,
      true,
    ]);
    expect([scan?.findings.length, scan?.findings.every((f) => f.fromOcr)]).toEqual([56, true]);
    // The page names no 万元: the budget total is quoted as read, its amounts not taken (never guessed).
    expect(
      scan?.findings.filter((f) => f.location.path === "line:2").map((f) => [f.quote, f.message]),
    ).toEqual([
      [
        "部门预算总额 | 561.41 | 561.41 | 545.06 | 97% 10 | 9",
        "第2行“年初预算数”列的金额“561.41”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”",
      ],
      [
        "部门预算总额 | 561.41 | 561.41 | 545.06 | 97% 10 | 9",
        "第2行“调整预算数”列的金额“561.41”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”",
      ],
      [
        "部门预算总额 | 561.41 | 561.41 | 545.06 | 97% 10 | 9",
        "第2行“预算执行数”列的金额“545.06”没有单位，表格也没有注明是元还是万元，未读取；请注明单位，例如“单位：万元”",
      ],
      [
        "部门预算总额 | 561.41 | 561.41 | 545.06 | 97% 10 | 9",
        "第2行“预算执行率”列应为百分比，例如 97%，读到“97% 10”",
      ],
    ]);
    // A digit OCR was not sure of is shown as "�" and not used.
    expect(scan?.findings.find((f) => f.location.path === "line:4")?.message).toBe(
      "第4行有 1 处数字 OCR 识别不清，显示为“�”，未采用（没有猜测），请对照原件核对",
    );
    // Nothing else in the batch came from OCR.
    expect(result.entries.filter((e) => e.fromOcr).map((e) => rel(e.path))).toEqual([FOLDER.scan]);
  });

  it("notices the byte copy and the same report given as .txt and .docx", () => {
    expect(
      result.entries
        .filter((e) => e.duplicateOf !== null)
        .map((e) => [rel(e.path), e.duplicateOf && rel(e.duplicateOf.path), e.duplicateOf?.why]),
    ).toEqual([
      [FOLDER.s001txt, FOLDER.s001docx, "same_report"],
      [FOLDER.s000, FOLDER.copy000, "same_bytes"],
    ]);
    const copy = result.entries.find((e) => rel(e.path) === FOLDER.s000);
    expect([copy?.findings.length, copy?.worst]).toEqual([
      0,
      `与 ${join(dir, FOLDER.copy000)} 内容完全相同，不重复列出发现`,
    ]);
  });

  it("finds the pasted paragraph between 下桥镇 and 大足区发改委, and nothing else between agencies", () => {
    const quote = PLANTED.slice(0, -1);
    expect(result.copies).toEqual([
      {
        agencies: ["下桥镇人民政府", "重庆市大足区发展和改革委员会"],
        passages: [
          {
            a: {
              path: join(dir, FOLDER.r29),
              label: "主报告",
              unit: "下桥镇人民政府",
              year: 2024,
              quote,
              start: 606,
              end: 726,
              origin: "batch",
            },
            b: {
              path: join(dir, FOLDER.r23),
              label: "主报告",
              unit: "重庆市大足区发展和改革委员会",
              year: 2020,
              quote,
              start: 376,
              end: 496,
              origin: "batch",
            },
            length: 120,
          },
        ],
      },
    ]);
  });

  it("counts the files seen, the one that is not a report, and validates as the result type", () => {
    expect(result.run).toMatchObject({
      inputs: [dir],
      startedAt: "2026-12-03T21:00:00.000Z",
      seconds: 0,
      filesSeen: 13,
      filesReviewed: 13,
      otherFiles: 1,
      fileLimit: 5000,
      overLimit: false,
      skipped: [],
      scheme: null,
      corpus: null,
    });
    expect(ReviewResultSchema.parse(result)).toEqual(result);
  });

  it("views the batch by rule: most reports first, each report counted once", () => {
    expect(result.rules.slice(0, 4).map((r) => [r.code, r.severity, r.reports, r.findings])).toEqual([
      ["report.table_unread", "warn", 6, 11],
      ["report.row_unread", "info", 6, 77],
      ["narrative.empty", "error", 4, 5],
      ["budget.rate_over_100", "warn", 4, 4],
    ]);
    const total = result.entries.reduce((n, e) => n + e.findings.length, 0);
    expect(result.rules.reduce((n, r) => n + r.findings, 0)).toBe(total);
  });
});
