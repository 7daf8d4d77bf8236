import { describe, expect, it } from "vitest";
import { docFrequencyLimit, searchCopies } from "../../../src/checks/copy/copy-search.ts";
import { MemoryCorpus } from "./memory-corpus.ts";
import { prng, randomText } from "./random-text.ts";

describe("searchCopies", () => {
  it("finds a 50-character passage planted in two unrelated texts at exactly its span, 200 times of 200", () => {
    const random = prng(77);
    for (let trial = 0; trial < 200; trial++) {
      const corpus = new MemoryCorpus();
      const passage = randomText(random, 50);
      const source = randomText(random, 2000);
      const query = randomText(random, 2000);
      const [s, q] = [Math.floor(random() * 2000), Math.floor(random() * 2000)];
      corpus.add({ agency: `单位${trial}`, text: `${source.slice(0, s)}。${passage}。${source.slice(s)}` });
      const found = searchCopies(`${query.slice(0, q)}。${passage}。${query.slice(q)}`, corpus);
      expect(found.map((p) => [p.queryStart, p.queryEnd, p.sourceStart, p.sourceEnd])).toEqual([
        [q + 1, q + 51, s + 1, s + 51],
      ]);
    }
  });

  it("limits document frequency to min(100, max(5, 5 % of the corpus)) unless told", () => {
    expect(docFrequencyLimit(10)).toBe(5);
    expect(docFrequencyLimit(100)).toBe(5);
    expect(docFrequencyLimit(119)).toBe(5);
    expect(docFrequencyLimit(120)).toBe(6);
    expect(docFrequencyLimit(1000)).toBe(50);
    expect(docFrequencyLimit(1999)).toBe(99);
    expect(docFrequencyLimit(2000)).toBe(100);
    // 5 % of 2,020 is 101: the cap of 100 decides from here on, whatever the corpus size.
    expect(docFrequencyLimit(2020)).toBe(100);
    expect(docFrequencyLimit(10_000)).toBe(100);
    expect(docFrequencyLimit(1_000_000)).toBe(100);
    expect(docFrequencyLimit(1_000_000, { dfCap: 250 })).toBe(250);
    expect(docFrequencyLimit(1_000_000, { dfCap: Number.POSITIVE_INFINITY })).toBe(50_000);
    expect(docFrequencyLimit(10_000, { dfFloor: 2, dfShare: 0.01 })).toBe(100);
    expect(docFrequencyLimit(10_000, { dfShare: 0.001 })).toBe(10);
    expect(docFrequencyLimit(10, { dfFloor: 200 })).toBe(100);
    expect(docFrequencyLimit(10, { dfFloor: 200, dfCap: 300 })).toBe(200);
    expect(docFrequencyLimit(10_000, { maxDocFrequency: 3 })).toBe(3);
    expect(docFrequencyLimit(1_000_000, { maxDocFrequency: 5000, dfCap: 10 })).toBe(5000);
  });

  it("ignores a paragraph in 30 of 100 documents and finds one in 2", () => {
    const random = prng(5);
    const common = randomText(random, 120);
    const rare = randomText(random, 80);
    const corpus = new MemoryCorpus();
    for (let i = 0; i < 100; i++) {
      const parts = [randomText(random, 1000)];
      if (i % 10 < 3) parts.push(common);
      if (i === 17 || i === 63) parts.push(rare);
      parts.push(randomText(random, 1000));
      corpus.add({ agency: `单位${i}`, text: parts.join("。") });
    }
    const query = [
      randomText(random, 500),
      common,
      randomText(random, 500),
      rare,
      randomText(random, 300),
    ].join("。");
    const found = searchCopies(query, corpus);
    const rareAt = query.indexOf(rare);
    expect(found.map((p) => [p.source.id, p.queryStart, p.queryEnd])).toEqual([
      [18, rareAt, rareAt + 80],
      [64, rareAt, rareAt + 80],
    ]);
    // With the limit raised above 30 the common paragraph is a copy again (from 30 documents).
    const all = searchCopies(query, corpus, { maxDocFrequency: 30 });
    expect(all.filter((p) => p.queryStart === query.indexOf(common))).toHaveLength(30);
  });

  it("skips excluded documents and the query's own agency (normalised)", () => {
    const random = prng(9);
    const shared = randomText(random, 100);
    const corpus = new MemoryCorpus();
    corpus.add({
      agency: "郑州市金水区电子政务中心",
      year: 2020,
      text: `${randomText(random, 300)}。${shared}`,
    });
    corpus.add({ agency: "另一单位", text: `${shared}。${randomText(random, 300)}` });
    const query = `${randomText(random, 200)}。${shared}`;
    expect(searchCopies(query, corpus).map((p) => p.source.id)).toEqual([1, 2]);
    expect(searchCopies(query, corpus, { excludeDocIds: [2] }).map((p) => p.source.id)).toEqual([1]);
    const own = searchCopies(query, corpus, { excludeAgency: " 郑州市金水区 电子政务中心" });
    expect(own.map((p) => p.source)).toEqual([{ id: 2, agency: "另一单位", year: null, title: null }]);
    // The same unit written without its city is still the same unit; a bare "中心" says too little.
    const short = searchCopies(query, corpus, { excludeAgency: "金水区电子政务中心" });
    expect(short.map((p) => p.source.id)).toEqual([2]);
    expect(searchCopies(query, corpus, { excludeAgency: "中心" }).map((p) => p.source.id)).toEqual([1, 2]);
    // Every name the officer's reports were saved under is theirs, alongside the report's own.
    const names = {
      excludeAgency: "另一单位的新名称",
      excludeAgencies: ["另一个名字", "金水区电子政务中心"],
    };
    expect(searchCopies(query, corpus, names).map((p) => p.source.id)).toEqual([2]);
  });
});
