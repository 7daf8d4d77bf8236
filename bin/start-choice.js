// @ts-check
// Which code the `ziping` command runs: the bundle `npm run build` writes (fast start) or the
// TypeScript source through tsx (slow start, always current). Plain JavaScript: it runs before tsx.
import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/** The bundle scripts/build.js writes; its chunks and pdf-thread.mjs sit beside it. */
export const BUNDLE = "dist/ziping.mjs";

/** The notice printed (on stderr) when the bundle is missing or older than the source. */
export const REBUILD_NOTICE = {
  missing:
    "ziping：没有找到构建好的 dist/ziping.mjs，本次从源码运行（启动较慢）。运行 npm run build 即可快速启动。",
  stale:
    "ziping：src/ 下的代码比 dist/ 中的构建新，本次从源码运行（启动较慢）。运行 npm run build 重新构建即可快速启动。",
};

/**
 * @typedef {object} StartFacts
 * @property {boolean} fromSource ZIPING_FROM_SOURCE=1: the developer asked for the source.
 * @property {number | undefined} bundleMtimeMs when dist/ziping.mjs was written (undefined: no bundle).
 * @property {number} newestSourceMtimeMs the newest change to a .ts or .mjs file under src/.
 */

/**
 * Runs the bundle only when it exists and no source file changed after it was built, so an edit
 * (or a `git pull`) is never hidden behind a stale bundle: then the source runs, with a notice.
 * @param {StartFacts} facts
 * @returns {{ run: "bundle" } | { run: "source", notice?: string }}
 */
export function chooseStart(facts) {
  if (facts.fromSource) return { run: "source" };
  if (facts.bundleMtimeMs === undefined) return { run: "source", notice: REBUILD_NOTICE.missing };
  if (facts.newestSourceMtimeMs > facts.bundleMtimeMs) return { run: "source", notice: REBUILD_NOTICE.stale };
  return { run: "bundle" };
}

/**
 * The newest modification time (ms) of the code under `dir`: .ts and .mjs files only, so adding
 * a scheme (.json, read at run time) does not make the bundle look stale.
 * @param {string} dir
 * @returns {number}
 */
export function newestCodeMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestCodeMtime(path));
    else if (extname(entry.name) === ".ts" || extname(entry.name) === ".mjs")
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Reads the facts `chooseStart` decides on, for the project in `root`.
 * @param {string} root
 * @param {Record<string, string | undefined>} env
 * @returns {StartFacts}
 */
export function startFacts(root, env) {
  const fromSource = env.ZIPING_FROM_SOURCE === "1";
  if (fromSource) return { fromSource, bundleMtimeMs: undefined, newestSourceMtimeMs: 0 };
  const bundle = statSync(join(root, BUNDLE), { throwIfNoEntry: false });
  if (bundle === undefined) return { fromSource, bundleMtimeMs: undefined, newestSourceMtimeMs: 0 };
  return {
    fromSource,
    bundleMtimeMs: bundle.mtimeMs,
    newestSourceMtimeMs: newestCodeMtime(join(root, "src")),
  };
}
