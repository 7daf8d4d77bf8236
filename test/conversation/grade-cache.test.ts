import { describe, expect, it } from "vitest";
import { GradeCache } from "../../src/conversation/turn-context.ts";

describe("the engine's cache of recent cards", () => {
  it("keeps the most recently used drafts up to its limit", () => {
    const cache = new GradeCache(2);
    const [a, b, c] = [{ why: "a" }, { why: "b" }, { why: "c" }];
    cache.set("A", a);
    cache.set("B", b);
    expect(cache.get("A")).toBe(a); // A is now the most recent
    cache.set("C", c); // B, the least recent, goes
    expect([cache.get("A"), cache.get("B"), cache.get("C")]).toEqual([a, undefined, c]);
  });
});
