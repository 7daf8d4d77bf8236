import type { types } from "@slack/bolt";
import type { ReportListing } from "../../../services/report-listing.ts";
import { ACTION } from "./action-ids.ts";
import { encodeAction } from "./action-value.ts";
import { actionRows, button, context, divider, header, section } from "./block-kit.ts";
import { escapeMrkdwn } from "./mrkdwn.ts";

/** A report as the Home tab lists it: the columns of the one listing type it shows. */
export type HomeReport = Pick<
  ReportListing,
  "id" | "unitName" | "year" | "kind" | "progressDone" | "progressTotal" | "score" | "grade" | "updatedAt"
>;

/** Reports listed on the Home tab; the rest are counted (Slack allows 100 blocks in a view). */
export const HOME_REPORTS = 20;

const KIND_LABEL: Record<string, string> = { department: "部门整体", project: "项目支出" };
const BEIJING_MS = 8 * 3600 * 1000;

/** The date part of `iso` in Beijing time (UTC+8), or `iso` itself when it is not a date. */
export function beijingDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + BEIJING_MS).toISOString().slice(0, 10);
}

function scoreText(r: HomeReport): string {
  if (r.score === null) return "—";
  const score = String(Math.round(r.score * 100) / 100);
  return r.grade === null ? score : `${score}（${r.grade}）`;
}

function reportBlocks(r: HomeReport): types.KnownBlock[] {
  const title = [
    r.unitName ?? "（未填）",
    r.year === null ? undefined : `${r.year}年度`,
    r.kind === null ? undefined : (KIND_LABEL[r.kind] ?? r.kind),
  ]
    .filter((part) => part !== undefined)
    .join(" ");
  const facts = `进度 ${r.progressDone}/${r.progressTotal} · 得分 ${scoreText(r)} · 更新于 ${beijingDate(r.updatedAt)}`;
  const value = encodeAction({ k: "home", r: r.id });
  return [
    section(`*${escapeMrkdwn(title)}*\n${escapeMrkdwn(facts)}`),
    ...actionRows([
      button("继续填写", ACTION.continueReport, value),
      button("下载报告", ACTION.downloadReport, value),
    ]),
  ];
}

/**
 * The Home tab: how to start, a 新建报告 button, the officer's most recent reports (as given, at
 * most 20) each with 继续填写 and 下载报告, and the user id an administrator needs to grant access
 * to a unit's reports.
 */
export function homeView(input: {
  userId: string;
  reports: readonly HomeReport[];
  units: readonly string[];
}): types.View {
  const listed = input.reports.slice(0, HOME_REPORTS);
  const more = input.reports.length - listed.length;
  const blocks: types.KnownBlock[] = [
    header("ziping 自评 · 我的报告"),
    context("在与 ziping 的私信里说“新建报告”，或在频道里 @ziping，或用 /ziping new"),
    ...actionRows([button("新建报告", ACTION.newReport, encodeAction({ k: "home" }), "primary")]),
    divider(),
  ];
  if (listed.length === 0) blocks.push(section("还没有报告。"));
  for (const r of listed) blocks.push(...reportBlocks(r));
  if (more > 0) blocks.push(context(`还有 ${more} 份较早的报告，发送“我的报告”查看全部。`));
  const units = input.units.length === 0 ? "（无）" : input.units.join("、");
  blocks.push(
    divider(),
    context(
      escapeMrkdwn(
        `您的用户编号：${input.userId}；所属单位：${units}。管理员可用 ziping units add <单位名称> <用户编号> 授权查看本单位的报告。`,
      ),
    ),
  );
  return { type: "home", blocks };
}
