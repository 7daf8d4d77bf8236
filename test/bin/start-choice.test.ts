import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseStart, newestCodeMtime, REBUILD_NOTICE, startFacts } from "../../bin/start-choice.js";

/** A project folder with src/ files at the given modification times (seconds), and maybe a bundle. */
function project(files: Record<string, number>, bundleAt?: number): string {
  const root = mkdtempSync(join(tmpdir(), "ziping-start-"));
  for (const [name, seconds] of Object.entries(files)) {
    const path = join(root, "src", name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, "");
    utimesSync(path, seconds, seconds);
  }
  if (bundleAt !== undefined) {
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist/ziping.mjs"), "");
    utimesSync(join(root, "dist/ziping.mjs"), bundleAt, bundleAt);
  }
  return root;
}

describe("chooseStart", () => {
  it("runs the bundle when no source file changed after it was built", () => {
    expect(chooseStart({ fromSource: false, bundleMtimeMs: 2000, newestSourceMtimeMs: 2000 })).toEqual({
      run: "bundle",
    });
  });

  it("runs the source with a notice when a source file is newer than the bundle", () => {
    expect(chooseStart({ fromSource: false, bundleMtimeMs: 2000, newestSourceMtimeMs: 2001 })).toEqual({
      run: "source",
      notice: REBUILD_NOTICE.stale,
    });
  });

  it("runs the source with a notice when there is no bundle", () => {
    expect(chooseStart({ fromSource: false, bundleMtimeMs: undefined, newestSourceMtimeMs: 0 })).toEqual({
      run: "source",
      notice: REBUILD_NOTICE.missing,
    });
  });

  it("runs the source quietly when ZIPING_FROM_SOURCE=1 asked for it, even with a fresh bundle", () => {
    expect(chooseStart({ fromSource: true, bundleMtimeMs: 5000, newestSourceMtimeMs: 1000 })).toEqual({
      run: "source",
    });
  });
});

describe("newestCodeMtime", () => {
  it("takes the newest .ts or .mjs file in any subfolder and ignores data files", () => {
    const root = project({ "a.ts": 1000, "deep/er/b.mjs": 3000, "scoring/schemes/new.json": 5000 });
    expect(newestCodeMtime(join(root, "src"))).toBe(3_000_000);
  });
});

describe("startFacts", () => {
  it("reads the bundle's time and the newest source time", () => {
    const root = project({ "a.ts": 1000, "b/c.ts": 1500 }, 2000);
    expect(startFacts(root, {})).toEqual({
      fromSource: false,
      bundleMtimeMs: 2_000_000,
      newestSourceMtimeMs: 1_500_000,
    });
    expect(chooseStart(startFacts(root, {}))).toEqual({ run: "bundle" });
  });

  it("finds no bundle in a project that was never built", () => {
    const root = project({ "a.ts": 1000 });
    expect(chooseStart(startFacts(root, {}))).toEqual({ run: "source", notice: REBUILD_NOTICE.missing });
  });

  it("does not look at the files when ZIPING_FROM_SOURCE=1", () => {
    expect(startFacts("/nonexistent", { ZIPING_FROM_SOURCE: "1" })).toEqual({
      fromSource: true,
      bundleMtimeMs: undefined,
      newestSourceMtimeMs: 0,
    });
  });
});
