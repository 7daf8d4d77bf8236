/**
 * Imports one file (argv[2]) as `ziping import` does and prints one JSON line: wall and CPU time,
 * the outcome, and the process's peak RSS. Run as its own process so the peak is this import's alone.
 */
import { readFileSync } from "node:fs";
import { importFile } from "../src/services/import-file.ts";

/**
 * Peak resident memory of this process, KiB: VmHWM (getrusage's maxRSS keeps, across exec, the RSS
 * of the forked copy of the bench that spawned us).
 */
function peakKib(): number {
  const hwm = /VmHWM:\s*(\d+)/.exec(readFileSync("/proc/self/status", "utf8"));
  return hwm?.[1] === undefined ? process.resourceUsage().maxRSS : Number(hwm[1]);
}

const file = process.argv[2] ?? "";
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
const result = await importFile(file);
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    cpu_ms: (used.user + used.system) / 1000,
    ok: result.ok,
    ...(result.ok ? {} : { message: result.error.message }),
    peak_rss_mib: peakKib() / 1024,
  })}\n`,
);
