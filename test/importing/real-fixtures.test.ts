import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/*
 * The real reports in fixtures/real are published 绩效自评报告 copied verbatim from public pages.
 * This file checks the fixtures themselves (not the importer): each has its source address on
 * line 1 and a body, and expected-reads.json describes every file with hand-verified readings
 * whose quoted strings really occur in the text.
 */

const dir = join(import.meta.dirname, "../../fixtures/real");

const PROVINCES = [
  "北京",
  "天津",
  "河北",
  "山西",
  "内蒙古",
  "辽宁",
  "吉林",
  "黑龙江",
  "上海",
  "江苏",
  "浙江",
  "安徽",
  "福建",
  "江西",
  "山东",
  "河南",
  "湖北",
  "湖南",
  "广东",
  "广西",
  "海南",
  "重庆",
  "四川",
  "贵州",
  "云南",
  "西藏",
  "陕西",
  "甘肃",
  "青海",
  "宁夏",
  "新疆",
] as const;

const amount = z.number().nonnegative();

const budgetSchema = z.strictObject({
  initial: amount.optional(),
  adjusted: amount.optional(),
  executed: amount.optional(),
  received: amount.optional(),
  /** An amount the text states without saying whether it is the initial or the adjusted budget. */
  total: amount.optional(),
  weight: amount.optional(),
  rate: z.string().min(1).optional(),
  score: amount.nullable().optional(),
  unit: z.string().min(1),
});

const rowSchema = z.strictObject({
  name: z.string().min(1),
  target: z.string().min(1).optional(),
  actual: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  direction: z.string().min(1).optional(),
  weight: amount.nullable().optional(),
  /** null: the printed score is garbled and listed under unreadable. */
  score: amount.nullable().optional(),
});

const entrySchema = z.strictObject({
  province: z.enum(PROVINCES),
  layout: z.string().min(20),
  unit: z.string().min(2).nullable(),
  year: z.number().int().min(2010).max(2030).nullable(),
  kind: z.enum(["project", "department"]).nullable(),
  project: z.string().min(2).optional(),
  budget: budgetSchema.optional(),
  scoreClaimed: z.number().min(0).max(100).nullable(),
  indicatorRows: z.array(rowSchema).max(6),
  unreadable: z.array(z.string().min(1)),
  errorsSeen: z.array(z.string().min(10)),
  notes: z.array(z.string().min(10)).optional(),
  facts: z.record(z.string().min(1), z.string().min(1)).optional(),
});

const expectedSchema = z.strictObject({ files: z.record(z.string(), entrySchema) });
type Entry = z.infer<typeof entrySchema>;

const fixtureFiles = readdirSync(dir)
  .filter((name) => name.endsWith(".txt"))
  .sort();
const raw: unknown = JSON.parse(readFileSync(join(dir, "expected-reads.json"), "utf8"));
const parsed = expectedSchema.safeParse(raw);

const textOf = (file: string): { first: string; body: string } => {
  const text = readFileSync(join(dir, file), "utf8");
  const cut = text.indexOf("\n");
  return { first: text.slice(0, cut), body: text.slice(cut + 1) };
};

/** Every string an entry quotes from its report, with where it was quoted. */
const quotedStrings = (entry: Entry): [string, string][] => {
  const quoted: [string, string][] = [];
  const add = (where: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined) quoted.push([where, value]);
  };
  add("unit", entry.unit);
  add("project", entry.project);
  if (entry.year !== null) add("year", String(entry.year));
  entry.indicatorRows.forEach((row, i) => {
    add(`indicatorRows[${i}].name`, row.name);
    add(`indicatorRows[${i}].target`, row.target);
    add(`indicatorRows[${i}].actual`, row.actual);
    add(`indicatorRows[${i}].unit`, row.unit);
    add(`indicatorRows[${i}].direction`, row.direction);
  });
  for (const value of entry.unreadable) add("unreadable", value);
  if (entry.budget !== undefined) {
    const { unit, rate, ...amounts } = entry.budget;
    add("budget.unit", unit);
    add("budget.rate", rate);
    for (const [key, value] of Object.entries(amounts)) {
      if (typeof value === "number") add(`budget.${key}`, String(value));
    }
  }
  if (entry.scoreClaimed !== null) add("scoreClaimed", String(entry.scoreClaimed));
  for (const [key, value] of Object.entries(entry.facts ?? {})) add(`facts.${key}`, value);
  return quoted;
};

describe("fixtures/real", () => {
  it("holds 34 reports named NN_<province>_<name>.txt from 21 upward", () => {
    expect(fixtureFiles).toHaveLength(34);
    expect(fixtureFiles[0]).toBe("21_anhui_chizhou_weituoyewu.txt");
    expect(fixtureFiles.at(-1)).toBe("61_chongqing_kexuecheng_rongmeiti_zhengti.txt");
    for (const file of fixtureFiles) expect(file).toMatch(/^\d{2}_[a-z]+_[a-z_]+\.txt$/);
  });

  it("expected-reads.json validates against the schema", () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("lists exactly the fixture files, each with a province, from 14 provinces", () => {
    const files = parsed.success ? parsed.data.files : {};
    expect(Object.keys(files).sort()).toEqual(fixtureFiles);
    const provinces = new Set(Object.values(files).map((entry) => entry.province));
    expect(provinces.size).toBe(14);
  });

  it("gives every source address once", () => {
    const sources = fixtureFiles.map((file) => textOf(file).first);
    expect(new Set(sources).size).toBe(fixtureFiles.length);
  });

  for (const file of fixtureFiles) {
    describe(file, () => {
      const { first, body } = textOf(file);

      it("starts with its source address and has a body", () => {
        expect(first).toMatch(/^source: https?:\/\/\S+$/);
        expect(body.trim().length).toBeGreaterThan(300);
      });

      it("quotes only strings that occur in the report text", () => {
        const entry = parsed.success ? parsed.data.files[file] : undefined;
        expect(entry).toBeDefined();
        if (entry === undefined) return;
        const missing = quotedStrings(entry).filter(([, value]) => !body.includes(value));
        expect(missing).toEqual([]);
      });
    });
  }

  it("reads the budget and rows of 33 (one cell per line) as hand-copied", () => {
    const entry = parsed.success ? parsed.data.files["33_neimenggu_bayannaoer_ziranziyuan.txt"] : undefined;
    expect(entry?.budget).toEqual({
      initial: 0,
      adjusted: 2.38,
      executed: 2.38,
      weight: 10,
      rate: "100",
      score: 10,
      unit: "万元",
    });
    expect(entry?.indicatorRows.map((row) => [row.weight, row.score])).toEqual([
      [8, 8],
      [7, 7],
      [8, 8],
      [7, 7],
    ]);
  });
});
