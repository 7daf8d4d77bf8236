import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import {
  type CorrectMeta,
  correctModal,
  loadingModal,
  readCorrectMeta,
  readCorrectSubmission,
} from "../../../../src/adapters/slack/blocks/correct-modal.ts";
import type { Figure } from "../../../../src/conversation/figure-list.ts";

const meta: CorrectMeta = { k: "T1:D1", channel: "D1", threadTs: "1700000000.000100", confirmFirst: true };
const metadata = '{"k":"T1:D1","channel":"D1","confirmFirst":true,"threadTs":"1700000000.000100"}';

const figure = (
  id: string,
  label: string,
  current: string,
  example: string,
  group = "预算与得分",
): Figure => ({
  id,
  label,
  current,
  group,
  example,
  command: (v) => `把${label}改成${v}`,
});

const figures = [
  figure("field:budget.executed", "预算执行数", "545.06万元", "545.06万元"),
  figure("indicator:3:actual", "第3个指标“绩效指标合理性”的实际完成值", "完成", "98%"),
];

const executedOption = {
  text: { type: "plain_text", text: "预算执行数（现为 545.06万元）" },
  value: "field:budget.executed",
};
const actualOption = {
  text: { type: "plain_text", text: "第3个指标“绩效指标合理性”的实际完成值（现为 完成）" },
  value: "indicator:3:actual",
};

const frame = {
  type: "modal",
  callback_id: "ziping.correct",
  private_metadata: metadata,
  title: { type: "plain_text", text: "修改数字" },
  close: { type: "plain_text", text: "取消" },
};

describe("the 修改数字 modal", () => {
  it("opens as a loading view with the metadata and no submit", () => {
    expect(loadingModal(meta)).toEqual({
      ...frame,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "正在读取报告中的数字……" } }],
    });
  });

  it("offers the figures, the selected one pre-picked, and a value input with its example", () => {
    expect(correctModal(meta, figures, "indicator:3:actual")).toEqual({
      ...frame,
      submit: { type: "plain_text", text: "保存" },
      blocks: [
        {
          type: "input",
          block_id: "figure",
          label: { type: "plain_text", text: "要修改的数字" },
          element: {
            type: "static_select",
            action_id: "figure",
            placeholder: { type: "plain_text", text: "选择要修改的数字" },
            options: [executedOption, actualOption],
            initial_option: actualOption,
          },
        },
        {
          type: "input",
          block_id: "value",
          label: { type: "plain_text", text: "改成" },
          hint: { type: "plain_text", text: "数字可带单位：545.06万元、98%、百分之九十七" },
          element: {
            type: "plain_text_input",
            action_id: "value",
            placeholder: { type: "plain_text", text: "例如：98%" },
          },
        },
      ],
    });
  });

  it("uses the first figure's example and no initial option when nothing is selected", () => {
    const view = correctModal({ k: "T1:C1", channel: "C1", confirmFirst: false }, figures, "field:nope");
    expect(view.private_metadata).toBe('{"k":"T1:C1","channel":"C1","confirmFirst":false}');
    const [select, value] = view.blocks;
    expect(select).toMatchObject({ element: { options: [executedOption, actualOption] } });
    expect((select as types.InputBlock).element).not.toHaveProperty("initial_option");
    expect(value).toMatchObject({
      element: { placeholder: { type: "plain_text", text: "例如：545.06万元" } },
    });
  });

  it("clips an option's text to 75 characters; up to 100 figures are one list", () => {
    const many = Array.from({ length: 100 }, (_, i) => figure(`f${i}`, "长".repeat(80), "1", "1"));
    const [select] = correctModal(meta, many).blocks;
    const options = ((select as types.InputBlock).element as types.StaticSelect).options;
    expect(options).toHaveLength(100);
    expect(options?.[0]?.text.text).toBe(`${"长".repeat(74)}…`);
  });

  it("more than 100 figures are offered in groups (Slack's limit is 100 options per list or group)", () => {
    const many = [
      ...Array.from({ length: 30 }, (_, i) => figure(`b${i}`, `预算${i}`, "1", "1")),
      ...Array.from({ length: 120 }, (_, i) => figure(`i${i}`, `指标${i}`, "1", "1", "产出指标")),
    ];
    const [select] = correctModal(meta, many).blocks;
    const element = (select as types.InputBlock).element as types.StaticSelect;
    expect(element.options).toBeUndefined();
    expect(element.option_groups?.map((g) => [g.label.text, g.options.length])).toEqual([
      ["预算与得分", 30],
      ["产出指标", 100],
    ]);
  });

  it("says so when the report has no figures", () => {
    expect(correctModal(meta, [])).toEqual({
      ...frame,
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: "这份报告还没有可修改的数字。请先回答问题或粘贴表格。" },
        },
      ],
    });
  });
});

describe("reading the modal back", () => {
  it("reads its own metadata", () => {
    expect(readCorrectMeta(metadata)).toEqual(meta);
  });

  it.each(["", "{", '{"k":"T1:D1"}', '{"k":"","channel":"D1","confirmFirst":true}', "null"])(
    "refuses metadata %j",
    (s) => {
      expect(readCorrectMeta(s)).toBeNull();
    },
  );

  const values = (selected: unknown, value: unknown) => ({
    figure: { figure: { type: "static_select", selected_option: selected } },
    value: { value: { type: "plain_text_input", value } },
  });

  it("reads the picked figure and the trimmed value", () => {
    expect(
      readCorrectSubmission(
        values({ text: { type: "plain_text", text: "x" }, value: "field:budget.executed" }, " 545.06万元 "),
      ),
    ).toEqual({ figureId: "field:budget.executed", value: "545.06万元" });
  });

  it.each([
    ["no figure picked", values(null, "1")],
    ["no value", values({ value: "field:budget.executed" }, null)],
    ["a blank value", values({ value: "field:budget.executed" }, "   ")],
    ["not an object", "values"],
    ["no blocks", {}],
  ])("gives null for %s", (_, v) => {
    expect(readCorrectSubmission(v)).toBeNull();
  });
});
