import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/services/check-loaded.ts";
import { usePostgres } from "../../storage/pg-test-db.ts";
import { onPostgres, run, writeIn } from "./cli-harness.ts";
import { plantedReport } from "./planted-report.ts";

/**
 * The commands that read the deployment's database when DATABASE_URL is set: `check` and `review`
 * compare with the PostgreSQL corpus, and `backup` / `restore` (which copy a SQLite file) refuse
 * with how to back PostgreSQL up, unless --db names the SQLite file.
 */

const postgres = usePostgres();
const dir = mkdtempSync(join(tmpdir(), "ziping-pg-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** host:port/database of the URL, as the messages print it. */
const location = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port}${u.pathname}`;
};

describe.skipIf(postgres.missing !== undefined)("commands with DATABASE_URL", () => {
  it("check and review compare with the corpus in PostgreSQL and find the planted copy", async () => {
    const url = await postgres.freshUrl();
    const seeds = await onPostgres(url, "corpus", "seeds");
    expect(seeds.code).toBe(0);
    expect(seeds.out.split("\n").at(-1)).toBe(`语料库（PostgreSQL ${location(url)}）现有 5 份报告。`);
    const planted = writeIn(dir, "planted.json", plantedReport());
    const json = await onPostgres(url, "check", planted, "--json");
    expect(json.code).toBe(0);
    const [checked] = JSON.parse(json.out) as CheckedReport[];
    const copies = checked?.findings.filter((f) => f.code === "copy.cross_report") ?? [];
    expect(copies.map((f) => [f.severity, f.where.path, f.actual])).toEqual([
      ["error", "narrative[0]", "与郑州市金水区电子政务中心的报告相同"],
    ]);
    const text = await onPostgres(url, "check", planted);
    expect(text.out.split("\n")[0]).toBe("对照语料库：5 份报告");
    const review = await onPostgres(url, "review", planted, "--out", join(dir, "review"));
    expect(review.code).toBe(0);
    expect(review.out).toContain(`对照语料库：PostgreSQL ${location(url)}（5 份报告）`);
  });

  it("an empty PostgreSQL corpus compares with nothing", async () => {
    const url = await postgres.freshUrl();
    const planted = writeIn(dir, "planted-empty.json", plantedReport());
    const r = await onPostgres(url, "check", planted, "--json");
    expect(r.code).toBe(0);
    const [checked] = JSON.parse(r.out) as CheckedReport[];
    expect(checked?.findings.filter((f) => f.code === "copy.cross_report")).toEqual([]);
  });

  it("backup and restore refuse, saying to use pg_dump / pg_restore; with --db they handle that SQLite file", async () => {
    const url = await postgres.freshUrl();
    const target = join(dir, "b.db");
    const backup = await onPostgres(url, "backup", target);
    expect(backup.code).toBe(2);
    expect(backup.err.trim()).toBe(
      `设置了 DATABASE_URL：报告在PostgreSQL 数据库 ${location(url)}中，ziping backup 只处理本机 SQLite 文件，不会备份这些数据。请用 pg_dump 备份，例如 pg_dump -Fc -d "$DATABASE_URL" -f 备份/ziping-2026-12-04.dump（见 README“运维”一节）。确实要备份 SQLite 文件时，用 --db 写明文件，例如 ziping backup 备份/ziping-2026-12-04.db --db data/ziping.db。`,
    );
    const restore = await onPostgres(url, "restore", target, "--yes");
    expect(restore.code).toBe(2);
    expect(restore.err).toContain(
      "ziping restore 只处理本机 SQLite 文件，不会恢复这些数据。请用 pg_restore 恢复到一个新库",
    );

    const db = join(dir, "local.db");
    expect((await run("corpus", "seeds", "--db", db)).code).toBe(0);
    const explicit = await onPostgres(url, "backup", target, "--db", db);
    expect(explicit.code).toBe(0);
    expect(explicit.out).toContain(`已备份 ${db} 到 ${target}`);
  });
});
