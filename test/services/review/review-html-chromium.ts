import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The Chromium on this machine (Debian's package installs /usr/bin/chromium), or null. */
export function findChromium(): string | null {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const probe = spawnSync(name, ["--version"], { encoding: "utf8", timeout: 30_000 });
    if (probe.status === 0 && /Chrom/.test(probe.stdout)) return name;
  }
  return null;
}

/**
 * Headless Chromium as this machine allows it: as root (no sandbox), no GPU, and no background
 * connections (the machine has no network; without these flags Chromium keeps trying), with a fresh
 * profile for each run.
 */
function flags(tmp: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    `--user-data-dir=${mkdtempSync(join(tmp, "profile-"))}`,
  ];
}

/** The DOM of the page at `url` after its script ran, as Chromium serialises it. */
export async function dumpDom(chromium: string, tmp: string, url: string): Promise<string> {
  const { stdout } = await run(chromium, [...flags(tmp), "--dump-dom", url], {
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** A screenshot of the page at `url` in a window of `width` × `height`, written to `png`. */
export async function screenshot(
  chromium: string,
  tmp: string,
  url: string,
  png: string,
  [width, height]: [number, number],
): Promise<void> {
  await run(chromium, [...flags(tmp), `--screenshot=${png}`, `--window-size=${width},${height}`, url], {
    timeout: 60_000,
  });
}
