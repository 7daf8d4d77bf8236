import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { composePostgresApp } from "../../src/app/open-app.ts";
import { connectionProblem } from "../../src/storage/postgres/pg-url.ts";

/** A 127.0.0.1 port nothing listens on (taken from the kernel, then released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe("composing over PostgreSQL", () => {
  it("fails as db.open naming the host and database, never the password, when no server answers", async () => {
    const port = await closedPort();
    const app = await composePostgresApp(`postgres://ziping:s3cret@127.0.0.1:${port}/ziping`);
    expect(app.ok).toBe(false);
    if (app.ok) return;
    expect(app.error.code).toBe("db.open");
    expect(app.error.message).toBe(
      `无法连接 PostgreSQL 数据库 127.0.0.1:${port}/ziping：127.0.0.1 的 ${port} 端口上没有 PostgreSQL 在接受连接（连接被拒绝）。请确认数据库服务已启动，并检查 DATABASE_URL 中的主机和端口，例如 postgres://ziping:密码@127.0.0.1:5432/ziping。`,
    );
    expect(app.error.message).not.toContain("s3cret");
  });
});

describe("connectionProblem", () => {
  const url = "postgres://ziping:p%40ss@db.example.gov.cn:6543/reports";
  it.each([
    [
      "ENOTFOUND",
      "找不到主机“db.example.gov.cn”。请检查 DATABASE_URL 中的主机名，例如 postgres://ziping:密码@127.0.0.1:5432/ziping",
    ],
    [
      "ETIMEDOUT",
      "连不上 db.example.gov.cn:6543（网络不通或超时）。请检查网络、防火墙和 DATABASE_URL 中的主机与端口",
    ],
    [
      "28P01",
      "用户“ziping”的密码不对。请检查 DATABASE_URL 中的用户名和密码（密码里的 @ : / # 等字符要写成 %40 %3A %2F %23）",
    ],
    [
      "28000",
      "数据库服务器不允许用户“ziping”从这台机器连接（pg_hba.conf 中没有对应的规则）。请数据库管理员放行，或换用允许的账户",
    ],
    ["3D000", "数据库“reports”不存在。请数据库管理员先建库（例如 CREATE DATABASE reports OWNER ziping;）"],
  ])("%s is named with what to check", (code, text) => {
    expect(connectionProblem({ code, message: "server said p@ss" }, url, "DATABASE_URL")).toBe(text);
  });

  it("passes anything else on as the server said it, without the password", () => {
    expect(connectionProblem(new Error("SSL required for p@ss"), url, "DATABASE_URL")).toBe(
      "SSL required for ***",
    );
  });
});
