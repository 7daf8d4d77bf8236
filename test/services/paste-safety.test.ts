import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Chat, lastQuestion, notices, testApp } from "./chat-harness.ts";

const REAL = join(import.meta.dirname, "../../fixtures/real");
/** Lines `from`–`to` (1-based, as numbered in the file) of a real report, without their indent. */
function lines(file: string, from: number, to: number): string {
  return readFileSync(join(REAL, file), "utf8")
    .split("\n")
    .slice(from - 1, to)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

async function budgetOf(chat: Chat): Promise<unknown> {
  return ((await chat.doc()) as { budget?: unknown }).budget;
}

/** A project officer of 眉山市残联 (fixtures/real/41) who has answered up to the budget question. */
async function atBudget(): Promise<Chat> {
  const chat = new Chat(testApp());
  await chat.send("眉山市残疾人联合会，2021年度残疾人事业发展补助资金项目支出绩效自评，地区：四川省眉山市");
  await chat.send("刘媛媛 63526383");
  await chat.send("为残疾人提供基本康复服务，提高残疾人劳动技能");
  return chat;
}

describe("nothing from a long pasted passage is saved before 确认 (issue 15)", () => {
  // 41 lines 19 and 25: the execution of each source of funds, then the total with its rate.
  const passage = lines("41_sichuan_meishan_canlian.txt", 19, 25)
    .split("\n")
    .filter((l) => /执行/.test(l))
    .join("\n");

  it("a report passage pasted where the budget is asked shows what it would save, and saves nothing yet", async () => {
    const chat = await atBudget();
    const turn = await chat.send(passage);
    expect(turn.replies).toEqual([
      {
        type: "confirm",
        text: [
          "这条消息较长（271 字），保存前请核对将要保存的内容：",
          "其他资金预算执行率：99.91%",
          "预算执行数：1847.85万元",
          "这段文字里“预算执行率”有 4 个不同的数（81.97%、99.28%、100%…），不知道哪一个是要填的，没有保存；请单独说明，例如“预算执行率97%”。",
          "正确吗？回复“确认”保存，“取消”放弃。",
        ].join("\n"),
        choices: [
          { label: "确认", value: "确认" },
          { label: "取消", value: "取消" },
        ],
      },
    ]);
    expect(await budgetOf(chat)).toBeUndefined();
    expect((await chat.send("确认")).replies[0]).toEqual({
      type: "text",
      text: "已记录：其他资金预算执行率：99.91%；预算执行数：1847.85万元",
    });
    expect(await budgetOf(chat)).toEqual({
      executed: "1847.85万元",
      sources: { other: { reportedRate: "99.91%" } },
    });
  });

  it("取消 leaves the budget as it was", async () => {
    const chat = await atBudget();
    await chat.send(passage);
    expect((await chat.send("取消")).replies[0]).toEqual({
      type: "text",
      text: "已放弃，未保存：其他资金预算执行率：99.91%；预算执行数：1847.85万元。",
    });
    expect(await budgetOf(chat)).toBeUndefined();
  });

  it("a passage that names one figure with three different amounts is refused as a whole", async () => {
    const chat = new Chat(testApp());
    await chat.send("南县政协，2021年度部门整体支出绩效自评，地区：湖南省益阳市南县");
    await chat.send("刘媛媛 63526383");
    await chat.send("充分发挥政协纽带作用，切实履行政治协商、民主监督、参政议政三大职能");
    await chat.send("无");
    // 25 lines 11–13: the 决算 收入 and 支出 of the year, 支出 split into its parts (the 其中 part
    // 人员经费支出 is named on its own by the facts reader, so three amounts remain).
    const turn = await chat.send(lines("25_hunan_nanxian_zhengxie_zhengti.txt", 11, 13));
    expect(notices(turn.replies, "error")).toEqual([
      "这段文字里“预算执行数”有 3 个不同的数（799.12万元、77.4万元、286.83万元），不知道哪一个是要填的，没有保存；请单独说明，例如“预算执行数545.06万元”。",
    ]);
    expect(await budgetOf(chat)).toBeUndefined();
  });

  it("a passage that cannot be read is refused as a passage, with the way to paste it", async () => {
    const chat = new Chat(testApp());
    await chat.send(
      "西平县交通运输局，2022年度财政衔接推进乡村振兴资金项目支出绩效自评，地区：河南省驻马店市西平县",
    );
    await chat.send("1");
    await chat.send("刘媛媛 63526383");
    await chat.send("新建村内道路、连通道路32.63公里");
    // 44 lines 12–14: 资金到位、执行、管理 of the project, each "N、…情况分析。…".
    const turn = await chat.send(lines("44_henan_xiping_jiaotong_xianjie.txt", 12, 14));
    expect(notices(turn.replies, "error")).toEqual([
      [
        "这段较长的文字（176 字）没有保存：“预算执行数”：无法识别数字“情况分析”：其中没有数字。请填写阿拉伯数字或中文数字，例如“561.41万元”“97%”或“百分之九十七”。",
        "如果这是报告正文，请连同章节标题一起粘贴（例如“三、绩效目标完成情况分析”）；数字请单独说明，例如“年初预算561.41万，调整后561.41万，执行545.06万”。",
      ].join("\n"),
    ]);
    expect(await budgetOf(chat)).toBeUndefined();
  });

  it("a whole 12,000-character report pasted where the budget is asked changes nothing before 确认", async () => {
    const chat = new Chat(testApp());
    await chat.send("浏阳市数据资源中心，2020年度部门整体支出绩效自评，地区：湖南省长沙市浏阳市");
    await chat.send("刘媛媛 63526383");
    await chat.send("统筹全市政务数据资源建设");
    expect(lastQuestion((await chat.send("无")).replies)?.slot).toBe("budget");
    const before = JSON.stringify(await chat.doc());
    const report = readFileSync(join(REAL, "../seeds/003_3bc036a0d1488051.txt"), "utf8");
    expect(report.length).toBe(12154);
    const turn = await chat.send(report);
    expect(turn.replies.at(-1)?.type).toBe("confirm");
    expect(JSON.stringify(await chat.doc())).toBe(before);
    await chat.send("取消");
    expect(JSON.stringify(await chat.doc())).toBe(before);
  });

  it("a long answer to a narrative question is shown before it is saved", async () => {
    const chat = new Chat(testApp());
    await chat.send("眉山市残疾人联合会，2021年度残疾人事业发展补助资金项目支出绩效自评，地区：四川省眉山市");
    await chat.send("刘媛媛 63526383");
    // 41 lines 29–31: the year's goals as a numbered list, pasted where the goal is asked.
    const goal = lines("41_sichuan_meishan_canlian.txt", 29, 31);
    const turn = await chat.send(goal);
    expect(turn.replies.map((r) => r.type)).toEqual(["confirm"]);
    expect(((await chat.doc()) as { goals?: unknown }).goals).toBeUndefined();
    await chat.send("确认");
    expect(((await chat.doc()) as { goals?: unknown }).goals).toEqual({ text: goal });
  });
});

describe("a second paste of indicators adds to the first and says what changed (issue 15)", () => {
  // The indicator rows of fixtures/real/42 (金寨县美丽乡村), copied from Excel in two parts.
  const tab = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.join("\t")).join("\n");
  const HEADING = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"];
  const FIRST = tab([
    HEADING,
    ["产出指标", "数量指标", "开展精品示范村建设数量", "≤4", "4", "10", "10"],
    ["", "", "建设美丽宜居自然村庄数量", "≥200", "202", "10", "10"],
    ["", "质量指标", "美丽宜居自然村庄验收通过率", "≥95%", "100%", "5", "5"],
  ]);
  // The officer corrects one row (实际完成值 98%) and pastes the rest of the table.
  const SECOND = tab([
    HEADING,
    ["产出指标", "质量指标", "美丽宜居自然村庄验收通过率", "≥95%", "98%", "5", "5"],
    ["", "", "户用卫生厕所改造验收通过率", "≥95%", "100%", "5", "5"],
    ["", "时效指标", "完成美丽宜居自然村庄验收时间", "9月前", "7月", "5", "5"],
  ]);

  it("新增 and 更新 are counted by name within the block; rows the second paste does not name stay", async () => {
    const chat = new Chat(testApp());
    await chat.send(
      "金寨县茶谷和美丽乡村建设服务中心，2023年度美丽乡村建设项目支出绩效自评，地区：安徽省六安市金寨县",
    );
    await chat.send(FIRST);
    await chat.send("确认");
    const turn = await chat.send(SECOND);
    expect(turn.replies[0]).toEqual({
      type: "table",
      title: "从粘贴内容中读到",
      columns: ["项目", "内容"],
      rows: [
        [
          "绩效指标",
          "新增 2 行（户用卫生厕所改造验收通过率、完成美丽宜居自然村庄验收时间），更新 1 行（美丽宜居自然村庄验收通过率）；其余 2 行保留不变；现共 5 个三级指标（见下表）",
        ],
      ],
    });
    expect(turn.replies.at(-1)?.type).toBe("confirm");
    expect((await chat.send("确认")).replies[0]).toEqual({
      type: "text",
      text: "已记录：粘贴的内容：绩效指标（新增 2 行，更新 1 行）",
    });
    const doc = (await chat.doc()) as {
      indicators: {
        name: string;
        groups: { name: string; indicators: { name: string; actual: string }[] }[];
      }[];
    };
    expect(
      doc.indicators.map((b) => [
        b.name,
        b.groups.map((g) => [g.name, g.indicators.map((i) => `${i.name} ${i.actual}`)]),
      ]),
    ).toEqual([
      [
        "产出指标",
        [
          ["数量指标", ["开展精品示范村建设数量 4", "建设美丽宜居自然村庄数量 202"]],
          ["质量指标", ["美丽宜居自然村庄验收通过率 98%", "户用卫生厕所改造验收通过率 100%"]],
          ["时效指标", ["完成美丽宜居自然村庄验收时间 7月"]],
        ],
      ],
    ]);
  });

  it("the same table pasted again changes nothing and says so", async () => {
    const chat = new Chat(testApp());
    await chat.send(
      "金寨县茶谷和美丽乡村建设服务中心，2023年度美丽乡村建设项目支出绩效自评，地区：安徽省六安市金寨县",
    );
    await chat.send(FIRST);
    await chat.send("确认");
    expect(notices((await chat.send(FIRST)).replies, "info")).toEqual([
      "粘贴的内容与已保存的一致，没有需要修改的地方。",
    ]);
  });
});

describe("pasted sections keep their own headings (issue 15)", () => {
  type Narrative = { narrative: { id: string; title: string; text: string }[] };
  const outline = async (chat: Chat) =>
    ((await chat.doc()) as Narrative).narrative.map((s) => [s.id, s.title, s.text.length]);
  const start = async () => {
    const chat = new Chat(testApp());
    await chat.send("福建省新闻出版广电局，2014年度部门整体支出绩效自评，地区：福建省");
    return chat;
  };
  // fixtures/real/53 lines 3–15: "一、自评项目。" with its list, then "二、自评组织情况。我局…" on one line.
  const FUJIAN = lines("53_fujian_guangdianju_ziping_gongshi.txt", 3, 15);

  it("sections 一 and 二 of one paste are both kept, each under its heading; a final newline changes nothing", async () => {
    const chat = await start();
    const turn = await chat.send(FUJIAN);
    expect(turn.replies[0]).toEqual({
      type: "table",
      title: "从粘贴内容中读到",
      columns: ["项目", "内容"],
      rows: [
        ["一、自评项目。", "441 字：我局确定开展自评的绩效评估项目共8项。分别为:\n…"],
        ["二、自评组织情况", "183 字：我局组成以项目管理单位为主,主管部门审核汇总为辅…"],
      ],
    });
    expect((await (await start()).send(`${FUJIAN}\n`)).replies).toEqual(turn.replies);
    await chat.send("确认");
    expect(await outline(chat)).toEqual([
      ["other", "一、自评项目。", 441],
      ["process", "二、自评组织情况", 183],
    ]);
  });

  it("（一）存在的问题 and （二）改进措施 pasted together are the one 问题和改进措施 section", async () => {
    const chat = await start();
    await chat.send(
      "(一)存在的问题\n项目资金下达较晚，部分项目执行进度偏慢。\n(二)改进措施\n提前下达资金，按月跟踪执行进度。",
    );
    await chat.send("确认");
    expect(((await chat.doc()) as Narrative).narrative).toEqual([
      {
        id: "problems_measures",
        title: "五、发现的主要问题和改进措施",
        text: "(一)存在的问题\n\n项目资金下达较晚，部分项目执行进度偏慢。\n\n(二)改进措施\n\n提前下达资金，按月跟踪执行进度。",
      },
    ]);
  });

  it("for a template that asks 存在的问题 and 改进措施 apart (Hunan), the two halves fill the two sections", async () => {
    const chat = new Chat(testApp());
    await chat.send("南县政协，2021年度部门整体支出绩效自评，地区：湖南省益阳市南县");
    await chat.send(
      "六、存在的问题和改进措施\n(一)存在的问题\n预算编制不够细化。\n(二)改进措施\n细化预算编制。",
    );
    await chat.send("确认");
    expect(((await chat.doc()) as Narrative).narrative).toEqual([
      { id: "problems", title: "(一)存在的问题", text: "预算编制不够细化。" },
      { id: "measures", title: "(二)改进措施", text: "细化预算编制。" },
    ]);
  });

  it("a later paste adds its sections beside the saved ones, and replaces only the same section", async () => {
    const chat = await start();
    await chat.send(FUJIAN);
    await chat.send("确认");
    await chat.send("一、部门职责\n负责全省广播电视行业管理。\n二、年度主要任务\n完成村村通工程运行维护。");
    await chat.send("确认");
    await chat.send("二、自评组织情况\n成立自评工作小组，逐项核查八个项目的资料。");
    await chat.send("确认");
    expect(await outline(chat)).toEqual([
      ["other", "一、自评项目。", 441],
      ["process", "二、自评组织情况", 21],
      ["duties", "一、部门职责", 13],
      ["duties", "二、年度主要任务", 12],
    ]);
  });
});
