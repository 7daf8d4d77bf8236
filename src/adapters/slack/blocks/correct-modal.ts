import type { types } from "@slack/bolt";
import { z } from "zod";
import type { Figure } from "../../../conversation/figure-list.ts";
import { CORRECT_INPUT, CORRECT_VIEW } from "./action-ids.ts";
import { plain, section } from "./block-kit.ts";
import { clip, escapeMrkdwn } from "./mrkdwn.ts";

/**
 * What the 修改数字 form must remember between opening and submit: the conversation, where to
 * answer (channel and thread), and whether a pending confirmation is to be confirmed first.
 */
export const CorrectMetaSchema = z.object({
  k: z.string().min(1),
  channel: z.string().min(1),
  threadTs: z.string().optional(),
  confirmFirst: z.boolean(),
});

/** The form's private metadata. */
export type CorrectMeta = z.infer<typeof CorrectMetaSchema>;

const HINT = "数字可带单位：545.06万元、98%、百分之九十七";

function metadata(meta: CorrectMeta): string {
  const ordered: CorrectMeta = { k: meta.k, channel: meta.channel, confirmFirst: meta.confirmFirst };
  if (meta.threadTs !== undefined) ordered.threadTs = meta.threadTs;
  return JSON.stringify(ordered);
}

function modal(meta: CorrectMeta, blocks: types.KnownBlock[]): types.ModalView {
  return {
    type: "modal",
    callback_id: CORRECT_VIEW,
    private_metadata: metadata(meta),
    title: plain("修改数字"),
    close: plain("取消"),
    blocks,
  };
}

/** The form with only a message in it (no access to the report, for instance). */
export function noticeModal(meta: CorrectMeta, text: string): types.View {
  return modal(meta, [section(escapeMrkdwn(text))]);
}

/** The form as it opens at once (Slack's trigger expires in 3 s), before the report is read. */
export function loadingModal(meta: CorrectMeta): types.View {
  return modal(meta, [section("正在读取报告中的数字……")]);
}

function option(f: Figure): types.PlainTextOption {
  return { text: plain(clip(`${f.label}（现为 ${f.current}）`, 75)), value: f.id };
}

/** Figures grouped in their order of first appearance, each group at most 100 options, at most 100 groups. */
function groups(
  figures: readonly Figure[],
): { label: types.PlainTextElement; options: types.PlainTextOption[] }[] {
  const byGroup = new Map<string, Figure[]>();
  for (const f of figures) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
  return [...byGroup]
    .slice(0, 100)
    .map(([label, list]) => ({ label: plain(clip(label, 75)), options: list.slice(0, 100).map(option) }));
}

/**
 * The 修改数字 form: pick a figure of the report, type its new value. `selectedId` pre-selects a
 * figure (the one a question was about); the placeholder shows that figure's example, else the
 * first's. A report without figures gets a form that only says so.
 */
export function correctModal(meta: CorrectMeta, figures: readonly Figure[], selectedId?: string): types.View {
  if (figures.length === 0)
    return modal(meta, [section("这份报告还没有可修改的数字。请先回答问题或粘贴表格。")]);
  // One list up to Slack's 100 options; beyond that, option groups (预算与得分, 产出指标 …) of up to 100 each.
  const shown = figures.length <= 100 ? figures : figures.slice(0, 100 * 100);
  const selected = shown.find((f) => f.id === selectedId);
  const select: types.StaticSelect = {
    type: "static_select",
    action_id: CORRECT_INPUT.figureAction,
    placeholder: plain("选择要修改的数字"),
    ...(figures.length <= 100 ? { options: shown.map(option) } : { option_groups: groups(shown) }),
  };
  if (selected !== undefined) select.initial_option = option(selected);
  const example = (selected ?? shown[0])?.example ?? "";
  return {
    ...modal(meta, [
      { type: "input", block_id: CORRECT_INPUT.figureBlock, label: plain("要修改的数字"), element: select },
      {
        type: "input",
        block_id: CORRECT_INPUT.valueBlock,
        label: plain("改成"),
        hint: plain(HINT),
        element: {
          type: "plain_text_input",
          action_id: CORRECT_INPUT.valueAction,
          placeholder: plain(clip(`例如：${example}`, 150)),
        },
      },
    ]),
    submit: plain("保存"),
  };
}

/** The form's metadata read back from `view.private_metadata`; null when it is not ziping's. */
export function readCorrectMeta(privateMetadata: string): CorrectMeta | null {
  let json: unknown;
  try {
    json = JSON.parse(privateMetadata);
  } catch {
    return null;
  }
  const parsed = CorrectMetaSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const SubmissionSchema = z.object({
  [CORRECT_INPUT.figureBlock]: z.object({
    [CORRECT_INPUT.figureAction]: z.object({ selected_option: z.object({ value: z.string().min(1) }) }),
  }),
  [CORRECT_INPUT.valueBlock]: z.object({ [CORRECT_INPUT.valueAction]: z.object({ value: z.string() }) }),
});

/** The picked figure and the typed value (trimmed) from `view.state.values`; null when either is missing. */
export function readCorrectSubmission(values: unknown): { figureId: string; value: string } | null {
  const parsed = SubmissionSchema.safeParse(values);
  if (!parsed.success) return null;
  const figureId = parsed.data.figure.figure.selected_option.value;
  const value = parsed.data.value.value.value.trim();
  return value === "" ? null : { figureId, value };
}
