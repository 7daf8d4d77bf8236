import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { composePostgresApp } from "../../src/app/open-app.ts";

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
    expect(app.error.message.startsWith(`无法连接 PostgreSQL 数据库 127.0.0.1:${port}/ziping：`)).toBe(true);
    expect(app.error.message).not.toContain("s3cret");
  });
});
