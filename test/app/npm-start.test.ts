import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

describe("npm start (src/main.ts)", () => {
  it("stops with exit code 2 and names what is missing when a platform's settings are partial", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", SLACK_BOT_TOKEN: "xoxb-only" },
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "Slack 设置不完整：Socket Mode 需要 SLACK_APP_TOKEN（以 xapp- 开头，Basic Information → App-Level Tokens，权限 connections:write）；或设 SLACK_MODE=http 并提供 SLACK_SIGNING_SECRET。\n请补全 .env 中的 Slack 设置（参见 .env.example 和 README“在 Slack 中使用”），或删去全部 SLACK_ 变量。\n没有任何聊天平台的设置时，npm start 打开终端对话。\n",
    );
  });
});
