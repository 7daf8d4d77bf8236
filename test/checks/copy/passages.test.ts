import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/checks/copy/normalize-text.ts";
import { displayQuote, extendPassages, type Hit, type TextSide } from "../../../src/checks/copy/passages.ts";
import { fingerprints } from "../../../src/checks/copy/winnow.ts";
import { prng, randomText } from "./random-text.ts";

function side(original: string): TextSide {
  return { original, norm: normalizeText(original) };
}

/** Every pair of equal fingerprints. */
function hitsBetween(query: TextSide, source: TextSide): Hit[] {
  const byHash = new Map<number, number[]>();
  for (const f of fingerprints(source.norm.text)) byHash.set(f.hash, [...(byHash.get(f.hash) ?? []), f.pos]);
  return fingerprints(query.norm.text).flatMap((f) =>
    (byHash.get(f.hash) ?? []).map((sourcePos) => ({ queryPos: f.pos, sourcePos })),
  );
}

// 65 characters (63 without its two spaces) from seed 002, task (14).
const PASSAGE =
  "区办公网络出口带宽进行扩容，时代在前进，网络化的更新也在变化，原有的 1.1G 带宽已无法满足全区网络的办公需求，经常拥塞无法使用";

describe("extendPassages", () => {
  const random = prng(42);
  const before = randomText(random, 300);
  const source = side(`${before}。${PASSAGE}。${randomText(random, 200)}`);
  const queryBefore = `${randomText(random, 120)}\n\n`;

  it("extends the hits to exactly the planted span, in original offsets", () => {
    const query = side(`${queryBefore}${PASSAGE}；${randomText(random, 150)}`);
    const found = extendPassages(query, source, hitsBetween(query, source));
    expect(found).toEqual([
      {
        queryStart: 122,
        queryEnd: 187,
        sourceStart: 301,
        sourceEnd: 366,
        queryQuote: PASSAGE,
        sourceQuote: PASSAGE,
        length: 65,
      },
    ]);
    expect(query.original.slice(122, 187)).toBe(PASSAGE);
    expect(source.original.slice(301, 366)).toBe(PASSAGE);
  });

  it("joins a copy across a changed figure, quoting both versions", () => {
    const edited = PASSAGE.replace("1.1G", "2.5G");
    const query = side(`${queryBefore}${edited}；${randomText(random, 150)}`);
    const [p, ...rest] = extendPassages(query, source, hitsBetween(query, source));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ queryStart: 122, queryEnd: 187, sourceStart: 301, sourceEnd: 366 });
    expect(p?.queryQuote).toContain("原有的 2.5G 带宽");
    expect(p?.sourceQuote).toContain("原有的 1.1G 带宽");
  });

  it("does not count common wording towards the length, nor whitespace", () => {
    const query = side(`${queryBefore}${PASSAGE}；${randomText(random, 150)}`);
    const hits = hitsBetween(query, source);
    const common = new Uint8Array(query.norm.text.length);
    const start = query.norm.offsets.indexOf(122);
    common.fill(1, start, start + 20); // 区办公网络出口带宽进行扩容，时代在前进，网络: 22 characters
    expect(extendPassages(query, source, hits, { common })).toEqual([]);
    expect(extendPassages(query, source, hits, { common, minLength: 41 })).toHaveLength(1);
    expect(extendPassages(query, source, hits, { common, minLength: 42 })).toEqual([]);
    expect(extendPassages(query, source, hits, { minLength: 63 })).toHaveLength(1); // 65 less two spaces
    expect(extendPassages(query, source, hits, { minLength: 64 })).toEqual([]);
  });

  it("does not count a stretch shorter than 12 characters between common wording (a filled-in slot)", () => {
    const query = side(`${queryBefore}${PASSAGE}；${randomText(random, 150)}`);
    const hits = hitsBetween(query, source);
    const start = query.norm.offsets.indexOf(122);
    const common = new Uint8Array(query.norm.text.length).fill(1);
    common.fill(0, start + 20, start + 31); // 化的更新也在变化，原有的: 11 characters, 12 with the comma
    expect(extendPassages(query, source, hits, { common, minLength: 1 })).toEqual([]);
    expect(extendPassages(query, source, hits, { common, minLength: 12, minIsland: 11 })).toHaveLength(1);
    expect(extendPassages(query, source, hits, { common, minLength: 13, minIsland: 11 })).toEqual([]);
  });

  it("ignores a hash collision (the characters differ)", () => {
    const query = side(`${queryBefore}${PASSAGE}`);
    expect(extendPassages(query, source, [{ queryPos: 0, sourcePos: 0 }])).toEqual([]);
  });
});

describe("displayQuote", () => {
  it("shows whitespace runs as one space and cuts the middle of a long quote", () => {
    expect(displayQuote("指标\t权重分值\n\n得分")).toBe("指标 权重分值 得分");
    const long = "一二三四五六七八九十".repeat(13);
    const shown = displayQuote(long);
    expect(shown).toHaveLength(120);
    expect(shown).toBe(`${long.slice(0, 60)}…${long.slice(-59)}`);
  });
});
