import type { DeploymentStatus, Ziping } from "../../services/ziping.ts";
import { type CliIo, EXIT } from "./output.ts";

/**
 * `ziping status [--json]`: what an operator checks on a deployment — where the data is, how many
 * reports and corpus documents, where the draft jobs stand (with the last failure), and which
 * instance holds each single connection (a WeCom bot) until when.
 */
export async function statusCommand(
  io: CliIo,
  ziping: Ziping,
  where: string,
  json: boolean,
  now: Date,
): Promise<number> {
  const status = await ziping.status();
  if (json) {
    io.out(JSON.stringify({ database: where, ...status }, null, 2));
    return EXIT.ok;
  }
  for (const line of statusLines(status, where, now)) io.out(line);
  return EXIT.ok;
}

/** The status as the terminal shows it (times in UTC, as stored). */
export function statusLines(status: DeploymentStatus, where: string, now: Date): string[] {
  const { jobs } = status;
  const lines = [
    `数据库：${where}`,
    `报告：${status.reports} 份；抄袭比对语料库：${status.corpus} 份`,
    `生成报告的任务：等待 ${jobs.pending}，生成中 ${jobs.running}，失败 ${jobs.failed}，已完成 ${jobs.done}`,
  ];
  if (jobs.lastFailure !== null)
    lines.push(
      `  最近一次失败：报告 ${jobs.lastFailure.reportId}，${utc(jobs.lastFailure.at)}，原因：${jobs.lastFailure.error}`,
    );
  if (status.leases.length === 0)
    lines.push("单连接租约：无（没有实例连接企业微信智能机器人等只允许一条连接的平台）");
  else {
    lines.push("单连接租约（只允许一条连接的平台，如企业微信智能机器人）：");
    for (const lease of status.leases) {
      const expired = new Date(lease.expiresAt).getTime() <= now.getTime();
      lines.push(
        `  ${lease.name}：${lease.holder}，到 ${utc(lease.expiresAt)}${expired ? "（已过期：持有的实例已停止，其他实例会接管）" : ""}`,
      );
    }
  }
  return lines;
}

/** An ISO time as "2026-12-04 08:00:15 UTC". */
function utc(at: string): string {
  return at === "" ? "时间未记录" : `${at.slice(0, 10)} ${at.slice(11, 19)} UTC`;
}
