// @ts-check
// `npm run build` (and `npm ci`, through "prepare"): bundles the CLI into dist/ so `ziping` starts
// without compiling TypeScript. Plain JavaScript, so it needs nothing but the esbuild tsx brings.
import { copyFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/** The project folder (the one with package.json). */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Packages bundled in rather than loaded from node_modules: zod is pure ESM spread over many
 * files and every command loads it, so one bundled copy starts faster.
 */
const BUNDLED_PACKAGES = new Set(["zod"]);

/**
 * Leaves every other package outside the bundle (it loads from node_modules; the native ones,
 * better-sqlite3, @resvg/resvg-js, must).
 * @type {import("esbuild").Plugin}
 */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const parts = args.path.split("/");
      const name = args.path.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? "");
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * esbuild's settings for the CLI bundle. `splitting` keeps each command's dynamic import() a
 * separate chunk, so the libraries it imports load only when that command runs.
 * @param {string} root
 * @returns {import("esbuild").BuildOptions}
 */
export function bundleOptions(root) {
  return {
    absWorkingDir: root,
    entryPoints: { ziping: "src/adapters/cli/main.ts" },
    outdir: "dist",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [externalPackages],
    logLevel: "warning",
  };
}

/**
 * Writes dist/ afresh: the bundle, its chunks, and the PDF worker (started by file name, next to
 * the chunk that reads PDFs).
 * @param {string} root
 */
export async function buildBundle(root = ROOT) {
  rmSync(join(root, "dist"), { recursive: true, force: true });
  await build(bundleOptions(root));
  copyFileSync(join(root, "src/importing/files/pdf-thread.mjs"), join(root, "dist/pdf-thread.mjs"));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildBundle();
}
