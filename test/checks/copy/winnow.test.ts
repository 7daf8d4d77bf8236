import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/checks/copy/normalize-text.ts";
import { fingerprints, K, kgramHashes, W, winnow } from "../../../src/checks/copy/winnow.ts";
import { prng, randomText } from "./random-text.ts";

describe("kgramHashes", () => {
  it("is FNV-1a with the murmur finaliser, as signed 32-bit integers (checked in Python)", () => {
    expect(Array.from(kgramHashes("abc", 2))).toEqual([-1731435507, -453924545]);
    expect(Array.from(kgramHashes("绩效自评报告绩效自评报告一二三"))).toEqual([
      -1859660318, -1105107732, 1321507514, -414185974,
    ]);
    expect(kgramHashes("太短")).toHaveLength(0);
  });
});

describe("winnow", () => {
  it("selects the rightmost minimum of each window, each position once", () => {
    expect(winnow(Int32Array.from([5, 3, 8, 3, 9, 1, 7, 7, 2]), 4)).toEqual([
      { hash: 3, pos: 3 },
      { hash: 1, pos: 5 },
    ]);
  });

  it("keeps a tied minimum while it stays in the window (robust winnowing)", () => {
    expect(winnow(Int32Array.from([2, 2, 2, 2, 2, 2]), 3)).toEqual([
      { hash: 2, pos: 2 },
      { hash: 2, pos: 5 },
    ]);
  });

  it("treats fewer k-grams than a window as one window", () => {
    expect(winnow(Int32Array.from([4, 1, 1]), 5)).toEqual([{ hash: 1, pos: 2 }]);
    expect(winnow(new Int32Array(0))).toEqual([]);
  });

  it("has a selected position in every window of W k-grams", () => {
    const random = prng(7);
    const hashes = Int32Array.from({ length: 5000 }, () => Math.floor(random() * 50) - 25);
    const selected = new Set(winnow(hashes).map((f) => f.pos));
    for (let start = 0; start + W <= hashes.length; start++) {
      let found = false;
      for (let i = start; i < start + W; i++) found ||= selected.has(i);
      expect(found).toBe(true);
    }
  });

  it("guarantees two shared fingerprints for a 50-character passage planted in unrelated texts", () => {
    expect(K + W - 1).toBe(24);
    const random = prng(20250301);
    for (let trial = 0; trial < 200; trial++) {
      const passage = randomText(random, 50);
      const a = randomText(random, 1500 + Math.floor(random() * 1000));
      const b = randomText(random, 1500 + Math.floor(random() * 1000));
      const at = Math.floor(random() * a.length);
      const bt = Math.floor(random() * b.length);
      const na = normalizeText(a.slice(0, at) + passage + a.slice(at));
      const nb = normalizeText(b.slice(0, bt) + passage + b.slice(bt));
      const len = normalizeText(passage).text.length;
      const from = (n: typeof na, t: number) => n.offsets.findIndex((o) => o >= t);
      const [fa, fb] = [from(na, at), from(nb, bt)];
      const inside = (pos: number, start: number) => pos >= start && pos + K <= start + len;
      const printsB = new Map(fingerprints(nb.text).map((f) => [f.hash, f.pos]));
      const shared = fingerprints(na.text).filter(
        (f) => inside(f.pos, fa) && inside(printsB.get(f.hash) ?? -1, fb),
      );
      expect(len).toBeGreaterThanOrEqual(K - 1 + 2 * W);
      expect(shared.length).toBeGreaterThanOrEqual(2);
    }
  });
});
