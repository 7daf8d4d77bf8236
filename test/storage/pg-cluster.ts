import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A PostgreSQL server for one test file: its URL, and how to stop it. */
export interface PgCluster {
  url: string;
  stop(): void;
}

/** Where the server binaries are: on PATH, else the newest /usr/lib/postgresql/<n>/bin. */
function binDir(): string | undefined {
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const onPath = which.status === 0 ? which.stdout.trim() : "";
  if (onPath !== "") return join(onPath, "..");
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

/**
 * Why the PostgreSQL suite cannot run here, or undefined when it can: ZIPING_TEST_DATABASE_URL
 * names a server, or initdb and pg_ctl are installed.
 */
export function pgMissing(): string | undefined {
  if (process.env.ZIPING_TEST_DATABASE_URL !== undefined) return undefined;
  const bin = binDir();
  if (bin === undefined || !existsSync(join(bin, "pg_ctl")))
    return "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or under /usr/lib/postgresql/*/bin, and ZIPING_TEST_DATABASE_URL is not set";
  if (process.getuid?.() === 0 && unprivilegedUser() === undefined)
    return "running as root, and neither a 'postgres' nor a 'nobody' account exists to run initdb as";
  return undefined;
}

/** initdb refuses root: as root the server runs as 'postgres' (the package's account) or 'nobody'. */
function unprivilegedUser(): { name: string; uid: number; gid: number } | undefined {
  for (const name of ["postgres", "nobody"]) {
    const id = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (id.status === 0 && gid.status === 0)
      return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the server to take). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The server the PostgreSQL tests use: ZIPING_TEST_DATABASE_URL when set (a fresh database is
 * created in it), else a throw-away cluster in a temp dir (initdb, trust auth, listening on
 * 127.0.0.1 only, no Unix socket), stopped and removed by `stop`. As root, initdb and pg_ctl run as
 * an unprivileged account through `setpriv` (initdb refuses root), and the temp dir is given to it.
 * `durable`: fsync on (the bench); tests run with fsync off.
 */
export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgCluster> {
  const given = process.env.ZIPING_TEST_DATABASE_URL;
  if (given !== undefined) return { url: given, stop: () => undefined };
  const bin = binDir();
  if (bin === undefined) throw new Error(pgMissing());
  const dir = mkdtempSync(join(tmpdir(), "ziping-pg-"));
  const data = join(dir, "data");
  const user = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] =
      user === undefined
        ? [cmd, args]
        : ["setpriv", [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", cmd, ...args]];
    execFileSync(file, argv, { stdio: "pipe", cwd: dir, env: { ...process.env, LC_ALL: "C" } });
  };
  const port = await freePort();
  run(join(bin, "initdb"), ["-D", data, "-U", "ziping", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  // Tests do without fsync; the bench keeps it (what a deployment runs), as SQLite syncs each commit.
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=''${options.durable === true ? "" : " -c fsync=off"}`;
  run(join(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", join(dir, "server.log"), "-w", "start"]);
  return {
    url: `postgres://ziping@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
