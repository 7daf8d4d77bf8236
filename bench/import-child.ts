/**
 * Imports one file (argv[2]) as `ziping import` does and prints one JSON line: wall and CPU time,
 * the outcome, and the process's peak RSS. Run as its own process so the peak is this import's alone.
 */
import { importFile } from "../src/services/import-file.ts";

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
    peak_rss_mib: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
