import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusStore } from "../../src/storage/corpus-store.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { Chat, lastQuestion, script, testApp } from "./chat-harness.ts";

const MISREAD = "宁德市数字宁德建设办公室，政务网等运行维护费绩效自评";
const OWN_FIRST =
  "全年完成政务外网骨干链路巡检四十八次，机房空调与不间断电源季度维保四次，网络安全等级保护测评一次，故障平均修复时间缩短至两小时以内。";
const OWN_SECOND =
  "运维团队实行七乘二十四小时值守制度，建立故障工单台账并逐月通报处理情况，对十七个乡镇节点的接入设备完成固件升级与配置核查工作。";
const OTHER =
  "依托市级政务云平台统一部署项目申报审批系统，全年受理企业投资项目备案1286件，审批核准项目37个，平均办理时限压缩至2.5个工作日。";
const NOW = new Date("2026-11-01T00:00:00Z");

describe("the copy check knows the officer", () => {
  it("never names the officer's own earlier reports, under any unit name, as a source", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "ziping-")), "chat.db");
    const app = testApp(path);
    const chat = new Chat(app);
    let last = await chat.send("");
    for (const message of script("seed-000.txt").slice(0, 5)) last = await chat.send(message);
    expect(lastQuestion(last.replies)?.field).toBe("绩效自评工作开展情况");
    // Two earlier attempts of the same officer: one saved under the misread unit name, one whose
    // unit was corrected after it joined the corpus (only its id ties it to the officer).
    for (const [id, unitName] of [
      ["rOld1", MISREAD],
      ["rOld2", "宁德市数字宁德建设办公室"],
    ] as const) {
      await app.store.createReport({ id, createdBy: "liu", doc: { schemaVersion: 1 }, now: NOW });
      await app.store.saveReport({
        id,
        doc: { schemaVersion: 1, unit: { name: unitName } },
        unitName,
        year: 2018,
        kind: "project",
        progressDone: 0,
        progressTotal: 0,
        score: null,
        grade: null,
        now: NOW,
      });
    }
    const db = openDatabase(path);
    const corpus = new CorpusStore(db);
    await corpus.addDocument({ agency: MISREAD, year: 2018, source: "ziping:rOld1", text: OWN_FIRST }, NOW);
    await corpus.addDocument(
      { agency: "政务网等运行维护费项目组", year: 2018, source: "ziping:rOld2", text: OWN_SECOND },
      NOW,
    );
    await corpus.addDocument(
      { agency: "某市发展和改革委员会", year: 2020, text: `一、基本情况\n${OTHER}` },
      NOW,
    );
    db.close();
    const turn = await chat.send(`${OWN_FIRST}${OWN_SECOND}${OTHER}`);
    const confirm = turn.replies[0];
    expect(confirm?.type === "confirm" ? confirm.text.split("\n")[1] : confirm).toBe(
      `- 有${OTHER.length - 1}字与某市发展和改革委员会2020年度的报告相同：“${OTHER.slice(0, -1)}”（来源原文：“${OTHER.slice(0, -1)}”）。请按本单位的实际情况改写。`,
    );
    expect(confirm?.type === "confirm" ? confirm.text.split("\n").length : 0).toBe(3);
    app.close();
  });
});
