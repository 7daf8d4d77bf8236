import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/checks/check-report.ts";
import { ReportSchema } from "../../src/core/report.ts";
import { score } from "../../src/scoring/score.ts";
import { installedSchemes } from "../../src/services/scheme-files.ts";
import { CorpusStore } from "../../src/storage/corpus-store.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { Chat, lastQuestion, notices, script, testApp } from "./chat-harness.ts";

/** The seed-000 conversation up to its first narrative question (绩效自评工作开展情况). */
async function atProcessQuestion(path?: string): Promise<Chat> {
  const chat = new Chat(testApp(path));
  let last = await chat.send("");
  for (const message of script("seed-000.txt").slice(0, 5)) last = await chat.send(message);
  expect(lastQuestion(last.replies)?.field).toBe("绩效自评工作开展情况");
  return chat;
}

const FOOTER = "要修改，请直接发送改好的内容；坚持按原文保存，请回复“确认”（检查报告时仍会列出这些问题）。";
const FOREIGN =
  "我们发放问卷，获取其对发改委主要工作的满意度，并于3月完成8个项目的资料核查和现场检查，形成自评报告。";
const COPIED =
  "依托市级政务云平台统一部署项目申报审批系统，全年受理企业投资项目备案1286件，审批核准项目37个，平均办理时限压缩至2.5个工作日。";

describe("narrative answers are checked as they arrive", () => {
  it("points out another agency's name; 确认 saves it and the finding stays on the report", async () => {
    const chat = await atProcessQuestion();
    const turn = await chat.send(FOREIGN);
    expect(turn.replies).toEqual([
      {
        type: "confirm",
        text: `这一段可能有问题：\n- 报告单位是“郑州市金水区电子政务中心”，但“绩效自评工作开展情况”写的是“对发改委主要工作的满意度”，像是从发展和改革委员会（发改委）的报告中照抄的。请改为本单位的名称和职能（如“本中心”），并核对这一段的其他内容是否也属于别的单位。\n${FOOTER}`,
        choices: [
          { label: "确认", value: "确认" },
          { label: "取消", value: "取消" },
        ],
      },
    ]);
    const saved = await chat.send("确认");
    expect(saved.replies[0]).toEqual({
      type: "text",
      text: `已记录：二、绩效自评工作开展情况：${FOREIGN.slice(0, 30)}…`,
    });
    const report = ReportSchema.parse(await chat.doc());
    const schemes = installedSchemes();
    if (!schemes.ok) throw new Error(schemes.error.message);
    const scheme = schemes.value.find((s) => s.id === report.schemeId);
    if (scheme === undefined) throw new Error("no scheme");
    const findings = checkReport(report, score(report, scheme)).filter(
      (f) => f.code === "copy.foreign_agency",
    );
    expect(findings.map((f) => [f.severity, f.where.label, f.where.quote])).toEqual([
      ["error", "二、绩效自评工作开展情况", "获取其对发改委主要工作的满意度"],
    ]);
  });

  it("a rewrite sent instead of 确认 replaces the flagged text and is saved without asking again", async () => {
    const chat = await atProcessQuestion();
    expect((await chat.send(FOREIGN)).replies[0]?.type).toBe("confirm");
    const rewrite = FOREIGN.replace("发改委", "本中心");
    const turn = await chat.send(rewrite);
    expect(turn.replies[0]).toEqual({
      type: "text",
      text: `已记录：二、绩效自评工作开展情况：${rewrite.slice(0, 30)}…`,
    });
    const report = ReportSchema.parse(await chat.doc());
    expect(report.narrative.find((s) => s.id === "process")?.text).toBe(rewrite);
  });

  it("names the agency, year and passage when the answer is found in another agency's report", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "ziping-")), "chat.db");
    const db = openDatabase(path);
    await new CorpusStore(db).addDocument(
      { agency: "某市发展和改革委员会", year: 2020, text: `一、基本情况\n${COPIED}\n二、其他` },
      new Date("2026-11-01T00:00:00Z"),
    );
    db.close();
    const chat = await atProcessQuestion(path);
    const turn = await chat.send(`本年度工作如下：${COPIED}`);
    const confirm = turn.replies[0];
    expect(confirm?.type).toBe("confirm");
    expect(confirm?.type === "confirm" ? confirm.text : "").toBe(
      // The passage ends at the last copied character: the closing "。" is punctuation, not text.
      `这一段可能有问题：\n- 有${COPIED.length - 1}字与某市发展和改革委员会2020年度的报告相同：“${COPIED.slice(0, -1)}”（来源原文：“${COPIED.slice(0, -1)}”）。请按本单位的实际情况改写。\n${FOOTER}`,
    );
    chat.app.close();
  });

  it("warns about a pasted section with another agency's functions before 确认", async () => {
    const chat = await atProcessQuestion();
    const turn = await chat.send(
      "二、绩效自评工作开展情况\n\n紧扣政协政治协商、民主监督、参政议政职能，组织自评工作组逐项打分。",
    );
    expect(notices(turn.replies, "warn")).toEqual([
      "“二、绩效自评工作开展情况”：报告单位是“郑州市金水区电子政务中心”，但“绩效自评工作开展情况”写的是“紧扣政协政治协商、民主监督、参政议政职能”，像是从政协的报告中照抄的。请改为本单位的名称和职能（如“本中心”），并核对这一段的其他内容是否也属于别的单位。",
    ]);
    expect(turn.replies.at(-1)?.type).toBe("confirm");
  });

  it("a generated report joins the deployment's corpus", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "ziping-")), "chat.db");
    const chat = new Chat(testApp(path));
    for (const message of script("seed-000.txt")) await chat.send(message);
    await chat.send("生成报告");
    chat.app.close();
    const db = openDatabase(path);
    const docs = await new CorpusStore(db).listDocuments();
    db.close();
    expect(docs.map((d) => [d.agency, d.year, d.source, d.kind])).toEqual([
      ["郑州市金水区电子政务中心", 2021, "ziping:r1", "department"],
    ]);
  });
});
