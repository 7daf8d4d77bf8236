import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildBundle } from "../scripts/build.js";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/ziping.js");
const SEED_000 = join(ROOT, "fixtures/reports/seed-000.json");
const RUNS = 7;

/**
 * Loaded first into each child: at exit it prints its CPU time (ms) and peak RSS (KiB) on stderr.
 * The peak is VmHWM of /proc/self/status: getrusage's maxRSS keeps, across exec, the RSS of the
 * forked copy of this (large) bench process, so every child reported the bench's own size.
 */
const REPORT_USAGE = `--import=data:text/javascript,${encodeURIComponent(
  'import{readFileSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();' +
    'let k=process.resourceUsage().maxRSS;try{k=Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync("/proc/self/status","utf8"))[1])}catch{}' +
    'process.stderr.write("\\nusage "+(u.user+u.system)/1000+" "+k+"\\n")})',
)}`;

interface Started {
  /** Median wall time, ms. */
  wall: number;
  /** Median CPU time (user + system), ms: steadier than wall time on a busy machine. */
  cpu: number;
  /** Median peak resident memory, MiB. */
  rss: number;
  out: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** `node ARGS` as a whole process, `RUNS` times after one untimed run. */
function started(args: readonly string[], env: Record<string, string>): Started {
  let out = "";
  const walls: number[] = [];
  const cpus: number[] = [];
  const rsses: number[] = [];
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ""} ${REPORT_USAGE}`;
  for (let i = 0; i <= RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...env, NODE_OPTIONS: nodeOptions },
    });
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    const usage = /\nusage ([\d.]+) (\d+)\n$/.exec(r.stderr);
    if (r.status !== 0 || usage === null)
      throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    out = r.stdout;
    if (i === 0) continue;
    walls.push(wall);
    cpus.push(Number(usage[1]));
    rsses.push(Number(usage[2]) / 1024);
  }
  return { wall: median(walls), cpu: median(cpus), rss: median(rsses), out };
}

const round = (n: number) => Number(n.toFixed(1));

/**
 * `cli_start_ms`: `ziping schemes` and `ziping score` on seed 000 as whole processes, from the
 * bundle `npm ci` builds (rebuilt first, so it is current) beside the same command from source
 * (ZIPING_FROM_SOURCE=1, through tsx); node alone for comparison. Both must print the same.
 */
export async function benchCliStart(line: Line): Promise<void> {
  await buildBundle();
  const nodeAlone = started(["-e", ""], {});
  for (const [command, args] of [
    ["schemes", ["schemes"]],
    ["score", ["score", SEED_000]],
  ] as const) {
    const bundle = started([BIN, ...args], {});
    const source = started([BIN, ...args], { ZIPING_FROM_SOURCE: "1" });
    if (bundle.out !== source.out)
      throw new Error(`ziping ${command}: the bundle prints other output than the source`);
    line("cli_start_ms", bundle.wall, "ms", {
      command,
      source: round(source.wall),
      node_alone: round(nodeAlone.wall),
      cpu_ms: round(bundle.cpu),
      source_cpu_ms: round(source.cpu),
      node_alone_cpu_ms: round(nodeAlone.cpu),
      rss_mib: round(bundle.rss),
      source_rss_mib: round(source.rss),
      runs: RUNS,
    });
  }
}
