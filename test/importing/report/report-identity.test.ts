import { describe, expect, it } from "vitest";
import { readReportIdentity } from "../../../src/importing/report/report-identity.ts";
import { readReportTitle } from "../../../src/importing/report/report-title.ts";
import { leadingUnitName } from "../../../src/importing/report/unit-names.ts";

/** Unit, year, kind and project as read, each with where it came from; publisher and region when read. */
function identity(lines: string[]) {
  const read = readReportIdentity(lines);
  const pick = <T>(v: { value: T; from: string } | undefined) =>
    v === undefined ? undefined : [v.value, v.from];
  return {
    title: read.title === null ? null : [read.title.line, read.title.lastLine],
    kind: pick(read.kind),
    year: pick(read.year),
    unit: pick(read.unit),
    project: pick(read.project),
    region: pick(read.region),
    publisher: pick(read.publisher),
  };
}

const none = { project: undefined, region: undefined, publisher: undefined };

describe("titles of each phrasing", () => {
  it("关于…的…绩效自评报告 with the unit on the line above, below or in a labelled line", () => {
    const title = "关于2018年度政务网等运行维护费项目支出的绩效自评报告";
    const read = { kind: ["project", "标题"], year: [2018, "标题"], project: ["政务网等运行维护费", "标题"] };
    expect(identity(["宁德市数字宁德建设办公室", title, "一、项目基本情况"])).toEqual({
      ...none,
      ...read,
      title: [2, 2],
      unit: ["宁德市数字宁德建设办公室", "标题上一行"],
    });
    expect(identity([title, "", "宁德市数字宁德建设办公室", "2019年3月1日"])).toEqual({
      ...none,
      ...read,
      title: [1, 1],
      unit: ["宁德市数字宁德建设办公室", "标题下一行"],
    });
    expect(identity([title, "单位名称：宁德市数字宁德建设办公室"]).unit).toEqual([
      "宁德市数字宁德建设办公室",
      "“单位名称”一栏",
    ]);
    expect(
      identity([title, "填报单位（盖章）：宁德市数字宁德建设办公室    填报日期：2019年3月1日"]).unit,
    ).toEqual(["宁德市数字宁德建设办公室", "“填报单位（盖章）”一栏"]);
  });

  it("XX局关于XX项目绩效自评的报告: the unit before 关于, the project after it", () => {
    expect(readReportTitle("宁德市财政局关于市民服务中心项目绩效自评的报告")).toEqual({
      text: "宁德市财政局关于市民服务中心项目绩效自评的报告",
      kind: "project",
      unit: "宁德市财政局",
      project: "市民服务中心项目",
    });
  });

  it("2021年度XX项目支出绩效自评报告: a project, no unit", () => {
    expect(readReportTitle("2021年度城乡环境综合整治项目支出绩效自评报告")).toEqual({
      text: "2021年度城乡环境综合整治项目支出绩效自评报告",
      kind: "project",
      year: 2021,
      project: "城乡环境综合整治",
    });
  });

  it("Hunan's 机关整体 / 整体支出 / 绩效评价报告 / 绩效评价自评报告 are department titles", () => {
    expect(readReportTitle("南县财政局2020年度 机关整体支出绩效评价报告")).toEqual({
      text: "南县财政局2020年度 机关整体支出绩效评价报告",
      kind: "department",
      year: 2020,
      unit: "南县财政局",
    });
    expect(readReportTitle("永州市统计局2020年度整体支出绩效评价自评报告")).toMatchObject({
      kind: "department",
      year: 2020,
      unit: "永州市统计局",
    });
    expect(readReportTitle("2020年度部门整体支出自评报告")).toEqual({
      text: "2020年度部门整体支出自评报告",
      kind: "department",
      year: 2020,
    });
  });

  it("单位自评报告 after 项目支出绩效 (Yunnan): unit before the year, several projects", () => {
    expect(readReportTitle("红河州数据发展中心2024年度项目支出绩效单位自评报告")).toEqual({
      text: "红河州数据发展中心2024年度项目支出绩效单位自评报告",
      kind: "project",
      year: 2024,
      unit: "红河州数据发展中心",
    });
  });

  it("部门（单位）整体 title, the unit from the 部门(单位)名称 cell run on after it", () => {
    expect(
      identity(["部门（单位）整体支出绩效评价自评报告", "部门(单位)名称长沙市雨花区发展和改革局"]),
    ).toEqual({
      ...none,
      title: [1, 1],
      kind: ["department", "标题"],
      year: undefined,
      unit: ["长沙市雨花区发展和改革局", "“部门(单位)名称”一栏"],
    });
    // A place name where the unit would be is the region; the labelled cell names the unit.
    expect(
      identity([
        "1、雨花区2022年度部门(单位)整体支出绩效评价自评报告部门(单位)名称长沙市雨花区发展和改革局预算编码302001",
      ]),
    ).toEqual({
      ...none,
      title: [1, 1],
      kind: ["department", "标题"],
      year: [2022, "标题"],
      unit: ["长沙市雨花区发展和改革局", "“部门(单位)名称”一栏"],
      region: ["雨花区", "标题"],
    });
  });

  it("a title over two lines, after a file name line and a code", () => {
    expect(identity(["XX县水利局2021年度部门整体支出", "绩效自评报告"])).toEqual({
      ...none,
      title: [1, 2],
      kind: ["department", "标题"],
      year: [2021, "标题"],
      unit: ["XX县水利局", "标题"],
    });
    expect(
      identity(["池州市农业农村局.docx", "219001-池州市农业农村局2022年度部门整体支出绩效自评报告"]),
    ).toEqual({
      ...none,
      title: [2, 2],
      kind: ["department", "标题"],
      year: [2022, "标题"],
      unit: ["池州市农业农村局", "标题"],
    });
  });

  it("skips a page's metadata; the year from a (2021年度) line; the publisher only as a fallback", () => {
    expect(
      identity([
        "索引号：11341700/2022-00123",
        "发布机构：池州市财政局",
        "发布日期：2022-06-30",
        "主题分类：财政",
        "池州市农业农村局部门整体支出绩效自评报告",
        "（2021年度）",
      ]),
    ).toEqual({
      ...none,
      title: [5, 5],
      kind: ["department", "标题"],
      year: [2021, "年度行"],
      unit: ["池州市农业农村局", "标题"],
      publisher: ["池州市财政局", "网页的发文单位/发布机构"],
    });
  });

  it("skips a sharing site's notes and its 1、 page prefix", () => {
    expect(
      identity([
        "《XX.docx》由会员分享，可在线阅读，更多相关《XX.docx(26页珍藏版)》请在XX文库上搜索。",
        "1、2021年度龙山区文化馆部门整体绩效自评报告",
      ]),
    ).toEqual({
      ...none,
      title: [2, 2],
      kind: ["department", "标题"],
      year: [2021, "标题"],
      unit: ["龙山区文化馆", "标题"],
    });
  });

  it("without a title: kind and year from the first 自评表's title", () => {
    expect(identity(["绩效自评报告", "一、基本情况", "2021年度项目支出绩效自评表"])).toEqual({
      ...none,
      title: null,
      kind: ["project", "表格标题"],
      year: [2021, "自评表标题"],
      unit: undefined,
    });
  });

  it("never guesses: a year in prose is not the report's year, no unit is made up", () => {
    expect(identity(["一、基本情况", "中心2021年较好地完成了履职任务。"])).toEqual({
      ...none,
      title: null,
      kind: undefined,
      year: undefined,
      unit: undefined,
    });
    // A data table's latest 决算数 column is the year evaluated.
    expect(identity(["2017年决算数 2018年预算数 2018年决算数"]).year).toEqual([2018, "“决算数”一栏的年份"]);
    expect(readReportTitle("详见绩效自评报告")).toBeNull();
    expect(readReportTitle("浏阳市数据资源中心2020年度项目资金绩效自评综合得分为96分")).toBeNull();
  });

  it("a name run together with the next cells stops at the next label or the last institution ending", () => {
    expect(leadingUnitName("中江县水利局资金情况(万元)")).toBe("中江县水利局");
    expect(leadingUnitName("财政处室自评总分(分)97.6")).toBeNull();
    expect(leadingUnitName("单位:万元")).toBeNull();
    expect(leadingUnitName("宁德市数字宁德建设办公室（盖章）  2019年3月1日")).toBe(
      "宁德市数字宁德建设办公室",
    );
    // Prose: "通过对项目实施单位相关人员座谈会，了解…" names no unit.
    expect(leadingUnitName("相关人员座谈会，了解并听取了有关意见")).toBeNull();
    expect(identity(["通过对项目实施单位相关人员座谈会，了解并听取了有关意见。"]).unit).toBeUndefined();
  });

  it("page metadata in brackets, 【】 or bullets, the publisher on the line after its label", () => {
    expect(
      identity([
        "您当前位置: 首页>区政府部门>发展和改革委员会",
        "[ 索引号 ] 11500111709318024F/2021-00230 [ 发文字号 ]",
        "[ 发布机构 ] 大足区发展改革委 [ 发布日期 ] 2021-08-03",
        "【字体: 】 【发布时间:2022-04-15 14:54】 【作者:县政协办】",
        "重庆市大足区发展和改革委员会2020年度部门整体支出绩效自评报告",
      ]),
    ).toEqual({
      ...none,
      title: [5, 5],
      kind: ["department", "标题"],
      year: [2020, "标题"],
      unit: ["重庆市大足区发展和改革委员会", "标题"],
      publisher: ["大足区发展改革委", "网页的发文单位/发布机构"],
    });
    const bullets = [
      "• 索引号",
      "  • 09130195-9-/2023-0417015",
      "• 发布机构",
      "  • 保山市卫生健康委员会",
      "• 发布日期",
    ];
    expect(
      identity([...bullets, "  • 2023-04-17", "• 文号", "• 浏览量", "2022年度项目支出绩效自评报告"]),
    ).toEqual({
      ...none,
      title: [9, 9],
      kind: ["project", "标题"],
      year: [2022, "标题"],
      unit: undefined,
      publisher: ["保山市卫生健康委员会", "网页的发文单位/发布机构"],
    });
  });

  it("the project in brackets after the title (closed or not) or on the line below; a year in brackets", () => {
    expect(readReportTitle("保山市卫生健康委员会2022年度项目绩效自评报告(春节慰问经费项目)")).toBeNull();
    expect(identity(["保山市卫生健康委员会2022年度项目绩效自评报告(春节慰问经费项目)"]).project).toEqual([
      "春节慰问经费项目",
      "标题",
    ]);
    expect(
      identity(["保山市图书馆2022年度项目支出绩效自评报告(2022年中央支持地方公共文化服务体系建设补助资金"])
        .project,
    ).toEqual(["2022年中央支持地方公共文化服务体系建设补助资金", "标题"]);
    expect(identity(["昌宁县第一示范小学2023年度项目支出绩效自评报告", "(教育专项工作经费)"])).toMatchObject({
      title: [1, 2],
      project: ["教育专项工作经费", "标题"],
      unit: ["昌宁县第一示范小学", "标题"],
    });
    expect(identity(["茂名市发展和改革局部门整体支出绩效自评报告（2021年度）"]).year).toEqual([2021, "标题"]);
  });

  it("a title running on into the first sentence, and a page title of two reports", () => {
    expect(
      identity(["2018年度项目支出绩效自评报告根据洪山区财政局开展2019年区级财政支出绩效评价工作方案的要求"]),
    ).toMatchObject({
      title: [1, 1],
      kind: ["project", "标题"],
      year: [2018, "标题"],
    });
    expect(readReportTitle("部门整体支出及项目支出绩效评价报告")).toBeNull();
    expect(identity(["部门整体支出及项目支出绩效评价报告", "部门整体支出绩效评价报告"]).title).toEqual([
      2, 2,
    ]);
  });

  it("项目资金 belongs to the project's name; without a year or 关于 the named text is no project", () => {
    expect(readReportTitle("保山市文化和旅游局关于2021年度中央支持地方公共文化项目资金绩效自评报告")).toEqual(
      {
        text: "保山市文化和旅游局关于2021年度中央支持地方公共文化项目资金绩效自评报告",
        kind: "project",
        year: 2021,
        unit: "保山市文化和旅游局",
        project: "中央支持地方公共文化项目资金",
      },
    );
    expect(readReportTitle("残联项目绩效自评报告")).toEqual({
      text: "残联项目绩效自评报告",
      kind: "project",
    });
  });

  it("项目名称 and 项目单位 in text lines, and a unit introduced with 以下简称", () => {
    expect(identity(["项目名称 2020年公共文化活动专项资金", "项目单位 淳安县文化和广电旅游体育局"])).toEqual({
      ...none,
      title: null,
      kind: ["project", "“项目名称”一栏"],
      year: undefined,
      unit: ["淳安县文化和广电旅游体育局", "“项目单位”一栏"],
      project: ["2020年公共文化活动专项资金", "“项目名称”一栏"],
    });
    expect(identity(["2024年,红河州数据发展中心(以下简称“州数据发展中心”)实施项目共15个。"]).unit).toEqual([
      "红河州数据发展中心",
      "正文中的“以下简称”",
    ]);
  });

  it("no title line: unit, year and kind from 现将…报告如下 in the first sentence, no project", () => {
    const sentence =
      "为做好项目绩效管理工作，现将2022年西平县交通运输局财政衔接推进乡村振兴资金项目绩效自评总结报告如下：";
    expect(identity([sentence, "一、绩效目标分解下达情况"])).toEqual({
      ...none,
      title: [1, 1],
      kind: ["project", "标题"],
      year: [2022, "标题"],
      unit: ["西平县交通运输局", "标题"],
    });
    // A place-named unit before the project is split from it; a name without a place is not.
    expect(readReportTitle("2021年度西平县交通运输局农村公路建设项目支出绩效自评报告")).toMatchObject({
      unit: "西平县交通运输局",
      project: "农村公路建设",
    });
    expect(readReportTitle("2021年度市民服务中心建设项目支出绩效自评报告")).toMatchObject({
      project: "市民服务中心建设",
    });
  });

  it("kind from a 指标体系 title or from a 项目名称 cell when nothing else says it", () => {
    expect(identity(["绥芬河市部门整体支出绩效评价指标体系 一级 二级 指标"]).kind).toEqual([
      "department",
      "表格标题",
    ]);
    expect(
      identity([
        "绩效目标自评表 | ||||",
        "(2023年度) | ||||",
        "项目名称 | 河西村特色种养补贴到户项目 | 项目负责人及电话",
      ]),
    ).toEqual({
      ...none,
      title: null,
      kind: ["project", "“项目名称”一栏"],
      year: [2023, "年度行"],
      unit: undefined,
    });
  });
});
