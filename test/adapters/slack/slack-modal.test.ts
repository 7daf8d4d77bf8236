import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { buttonPress, dm, envelope, TEAM, type Testbed, testbed } from "./slack-testbed.ts";

const FIRST = "郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区";
const MODIFY = JSON.stringify({ k: "slack:T1:D1" });

let t: Testbed;
let last: { channel: string; ts: string; blocks: unknown[] };
beforeEach(async () => {
  t = testbed();
  t.slack.install();
  await t.receiver.send(envelope(dm(FIRST)));
  await t.receiver.send(envelope(dm("年初预算561.41万，调整后561.41万，执行545.06万")));
  const posted = t.slack.calls.at(-1)?.args ?? {};
  last = { channel: "D1", ts: "1700000100.000002", blocks: posted.blocks as unknown[] };
  t.slack.clear();
});
afterEach(async () => {
  t.close();
  nock.cleanAll();
});

function submission(figure: string, value: string, confirmFirst = false) {
  return {
    type: "view_submission",
    team: { id: TEAM, domain: "zhengzhou" },
    user: { id: "U1", username: "liu", team_id: TEAM },
    api_app_id: "A1",
    token: "legacy-verification",
    trigger_id: "trig-view",
    view: {
      id: "V1",
      type: "modal",
      callback_id: "ziping.correct",
      private_metadata: JSON.stringify({ k: "slack:T1:D1", channel: "D1", confirmFirst }),
      state: {
        values: {
          figure: { figure: { type: "static_select", selected_option: { value: figure } } },
          value: { value: { type: "plain_text_input", value } },
        },
      },
    },
  };
}

describe("修改: the correction modal", () => {
  test("opens at once with a loading view, then is filled with the report's figures", async () => {
    const pressed = await t.receiver.send(buttonPress(last, "ziping.modify", MODIFY));
    expect(pressed.ack).toEqual({ body: undefined });
    expect(t.slack.methods()).toEqual(["views.open", "views.update"]);
    const opened = t.slack.calls[0]?.args ?? {};
    expect(opened.trigger_id).toMatch(/^trig-/);
    expect(opened.view).toMatchObject({
      type: "modal",
      callback_id: "ziping.correct",
      title: { text: "修改数字" },
    });
    const update = t.slack.calls[1]?.args ?? {};
    expect(update.view_id).toBe("V1");
    const options = (
      update.view as { blocks: { element?: { options?: { text: { text: string }; value: string }[] } }[] }
    ).blocks[0]?.element?.options;
    expect(options?.slice(0, 3).map((o) => [o.value, o.text.text])).toEqual([
      ["field:budget.initial", "年初预算数（现为 561.41万元）"],
      ["field:budget.adjusted", "调整后预算数（现为 561.41万元）"],
      ["field:budget.executed", "预算执行数（现为 545.06万元）"],
    ]);
  });

  test("an expired trigger: views.open fails, the officer is told to press again or type the correction", async () => {
    t.slack.once("views.open", { body: { ok: false, error: "expired_trigger_id" } });
    await t.receiver.send(buttonPress(last, "ziping.modify", MODIFY));
    expect(t.slack.methods()).toEqual(["views.open", "chat.postEphemeral"]);
    expect(t.slack.calls[1]?.args).toMatchObject({
      channel: "D1",
      user: "U1",
      text: "“修改”窗口没能打开（Slack 只允许在点击后 3 秒内打开，可能网络较慢）。请再点一次“修改”，或直接回复，例如：把预算执行数改成545.06万元",
    });
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual(["create", "answer", "answer"]);
  });

  test("保存 with a good value: the modal closes and the change is confirmed in the DM", async () => {
    const done = await t.receiver.send(submission("field:budget.executed", "540万元"));
    expect(done.ack).toEqual({ body: undefined });
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    expect(t.slack.calls[0]?.args.text).toBe("已记录：预算执行数：545.06万元 → 540万元");
    const saved = (await t.app.store.getReport("r1"))?.doc as { budget: { executed: string } };
    expect(saved.budget.executed).toBe("540万元");
  });

  test("保存 with a value that is not a number: the modal stays open with the reason under the field", async () => {
    const done = await t.receiver.send(submission("field:budget.executed", "很多"));
    expect(done.ack?.body).toEqual({
      response_action: "errors",
      errors: {
        value:
          "“预算执行数”需要准确金额，不能是“很多”这样的约数（自评表按决算数填写）。请填写，例如：545.06万元",
      },
    });
    expect(t.slack.methods()).toEqual([]);
    const saved = (await t.app.store.getReport("r1"))?.doc as { budget: { executed: string } };
    expect(saved.budget.executed).toBe("545.06万元");
  });

  test("修改 on a paste waiting for 确认: the paste is confirmed first, then the figure corrected, both posted", async () => {
    await t.receiver.send(
      envelope(
        dm("五、发现的主要问题和改进措施\n部分项目预算执行进度偏慢，年底集中支付；下一步按月调度支出进度。"),
      ),
    );
    expect((await t.app.store.getConversation("slack:T1:D1"))?.state).toMatchObject({
      pending: { kind: "confirm" },
    });
    t.slack.clear();
    await t.receiver.send(submission("field:budget.executed", "540万元", true));
    expect(t.slack.methods()).toEqual(["chat.postMessage"]);
    const texts = ((t.slack.calls[0]?.args.blocks ?? []) as { text?: { text: string } }[]).map(
      (b) => b.text?.text,
    );
    expect(texts.slice(0, 2)).toEqual([
      "已记录：粘贴的内容：五、发现的主要问题和改进措施",
      "已记录：预算执行数：545.06万元 → 540万元",
    ]);
    expect((await t.app.store.listEvents("r1")).map((e) => e.kind)).toEqual([
      "create",
      "answer",
      "answer",
      "paste",
      "correction",
    ]);
  });
});
