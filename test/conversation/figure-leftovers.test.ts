import { describe, expect, it } from "vitest";
import { readFactMessage } from "../../src/conversation/figure-leftovers.ts";
import type { Json } from "../../src/conversation/patch.ts";

const EMPTY: Json = { schemaVersion: 1 };
const BUDGET: Json = { schemaVersion: 1, budget: { adjusted: "318.91万元" } };
const SPENT: Json = {
  schemaVersion: 1,
  budget: { adjusted: "318.91万元", executed: "191.13万元", funds: { received: "318.91万元" } },
};

/** What a message gives: facts as [path, value], unreadable figures by code, named figures, the rest. */
function read(doc: Json, text: string) {
  const r = readFactMessage(doc, text);
  return {
    hits: r.hits.map((h) => [h.field.path.join("."), h.value]),
    problems: r.problems.map((p) => p.code),
    notes: r.notes,
    rest: r.rest,
  };
}

const USE_RATE = "资金使用率由预算执行数和实际到位资金（或调整后预算数、年初预算数）算出，不单独保存";
const WHICH = (clause: string, amount: string) =>
  `没有记录：“${clause}”——请说明是年初预算、调整后预算还是到位资金，例如“调整后预算${amount}”`;

// Phrasings from fixtures/real, the seeds and the Fujian conversation of issue 15.
type Row = [string, Json, string, Partial<ReturnType<typeof read>>];
const ROWS: Row[] = [
  [
    "the issue's message, no budget known yet",
    EMPTY,
    "项目总投入318.91万元，资金全部到位，全年支出191.13万元，资金使用率59.93%",
    {
      hits: [["budget.executed", "191.13万元"]],
      notes: [
        WHICH("项目总投入318.91万元", "318.91万元"),
        "没有记录：“资金全部到位”——还不知道预算数，算不出到位资金；请写明，例如“调整后预算318.91万元，到位资金318.91万元”",
        `没有记录：“资金使用率59.93%”——${USE_RATE}。请写明实际到位资金（或调整后预算数、年初预算数），例如“实际到位资金318.91万元”`,
      ],
    },
  ],
  [
    "the issue's message once the adjusted budget is known: 191.13 ÷ 318.91 = 59.93%",
    BUDGET,
    "项目总投入318.91万元，资金全部到位，全年支出191.13万元，资金使用率59.93%",
    {
      hits: [
        ["budget.executed", "191.13万元"],
        ["budget.funds.received", "318.91万元"],
      ],
      notes: [
        WHICH("项目总投入318.91万元", "318.91万元"),
        "资金使用率59.93%与数字一致（预算执行数191.13万元 ÷ 实际到位资金318.91万元 = 59.93%），由数字算出，不另记录",
      ],
    },
  ],
  ["也是", EMPTY, "调整后也是318.91万元", { hits: [["budget.adjusted", "318.91万元"]] }],
  [
    "均为 shared by two labels",
    EMPTY,
    "年初预算和调整后预算均为318.91万元",
    {
      hits: [
        ["budget.initial", "318.91万元"],
        ["budget.adjusted", "318.91万元"],
      ],
    },
  ],
  ["预算年初数为", EMPTY, "我部门预算年初数为561.5万元", { hits: [["budget.initial", "561.5万元"]] }],
  ["spaced amount", EMPTY, "项目执行资金为 94.16 万元", { hits: [["budget.executed", "94.16万元"]] }],
  [
    "全年预算数 and 执行数",
    EMPTY,
    "项目全年预算数为1050万元，执行数为1050万元",
    {
      hits: [
        ["budget.adjusted", "1050万元"],
        ["budget.executed", "1050万元"],
      ],
    },
  ],
  [
    "a 其中 part is not the total's 执行数",
    EMPTY,
    "其中商品和服务支出491.21万元",
    {
      notes: [
        "没有记录：“其中商品和服务支出491.21万元”——这是其中一部分的数字，自评表只记总数；需要的话请写进报告的文字部分",
      ],
    },
  ],
  [
    "专项资金总量",
    EMPTY,
    "专项资金总量为33.25万元",
    { notes: [WHICH("专项资金总量为33.25万元", "33.25万元")] },
  ],
  [
    "完成预算资金",
    EMPTY,
    "本项目共完成预算资金89.97万元",
    { notes: [WHICH("本项目共完成预算资金89.97万元", "89.97万元")] },
  ],
  [
    "批复资金 named, 执行资金 taken",
    EMPTY,
    "项目批复资金38.48万元,项目执行资金为38.48万元",
    { hits: [["budget.executed", "38.48万元"]], notes: [WHICH("项目批复资金38.48万元", "38.48万元")] },
  ],
  ["共计", EMPTY, "共计支出949.97万元", { hits: [["budget.executed", "949.97万元"]] }],
  [
    "三公经费 topic",
    EMPTY,
    "“三公经费”年初预算7.2万元，实际支出0万元",
    {
      hits: [
        ["budget.threePublicExpenses.budget", "7.2万元"],
        ["budget.threePublicExpenses.actual", "0万元"],
      ],
    },
  ],
  ["调整预算数", EMPTY, "调整预算数为814.75万元", { hits: [["budget.adjusted", "814.75万元"]] }],
  [
    "a stated 执行率 is the report's own figure",
    EMPTY,
    "执行率92.9%",
    { hits: [["budget.reportedRate", "92.9%"]] },
  ],
  [
    "约 refuses the figure, not the message",
    EMPTY,
    "合计支出约950万元，调整后预算1000万元",
    { hits: [["budget.adjusted", "1000万元"]], problems: ["answer.vague"] },
  ],
  ["大约 before the label", EMPTY, "大约执行了191万元", { problems: ["answer.vague"] }],
  ["执行资金", EMPTY, "全年执行资金1847.85万元", { hits: [["budget.executed", "1847.85万元"]] }],
  [
    "资金已全部到位 = the adjusted budget",
    BUDGET,
    "资金已全部到位",
    { hits: [["budget.funds.received", "318.91万元"]] },
  ],
  [
    "及时足额到位 also fills 按时到位资金",
    BUDGET,
    "资金均已及时足额到位",
    {
      hits: [
        ["budget.funds.received", "318.91万元"],
        ["budget.funds.receivedOnTime", "318.91万元"],
      ],
    },
  ],
  [
    "到位率 that the figures confirm",
    BUDGET,
    "到位资金318.91万元，到位率100%",
    {
      hits: [["budget.funds.received", "318.91万元"]],
      notes: [
        "资金到位率100%与数字一致（实际到位资金318.91万元 ÷ 调整后预算数318.91万元 = 100%），由数字算出，不另记录",
      ],
    },
  ],
  ["资金到位 + amount", EMPTY, "项目资金到位318.91万元", { hits: [["budget.funds.received", "318.91万元"]] }],
  [
    "资金到位率250% against figures giving 100%",
    SPENT,
    "资金到位率250%",
    {
      notes: [
        "没有记录：“资金到位率250%”——与数字算出的不一致（实际到位资金318.91万元 ÷ 调整后预算数318.91万元 = 100%），请核对数字",
      ],
    },
  ],
  [
    "资金到位率250% with no figures says why it cannot be",
    EMPTY,
    "资金到位率250%",
    {
      notes: [
        "没有记录：“资金到位率250%”——资金到位率由实际到位资金和计划投入资金（或调整后预算数、年初预算数）算出，不单独保存；250%超过100%，到位资金一般不会多于计划投入或预算。请写明实际到位资金和计划投入资金（或调整后预算数、年初预算数），例如“实际到位资金318.91万元”",
      ],
    },
  ],
  [
    "财政拨款支出年初预算 / 支出决算",
    EMPTY,
    "财政拨款支出年初预算为 379.49 万元,支出决算为 2118.34 万元",
    {
      hits: [
        ["budget.initial", "379.49万元"],
        ["budget.executed", "2118.34万元"],
      ],
    },
  ],
  [
    "an amount with a budget word and no label",
    EMPTY,
    "乡村振兴衔接资金2179万元目前已全部拨付",
    { notes: [WHICH("乡村振兴衔接资金2179万元目前已全部拨付", "2179万元")] },
  ],
  [
    "a negative amount is refused (never valid), the other figure taken",
    EMPTY,
    "调整后预算318.91万元，执行数-5万元",
    { hits: [["budget.adjusted", "318.91万元"]], problems: ["answer.negative"] },
  ],
  [
    "a clause with no figure is left for the question",
    EMPTY,
    "刘媛媛 63526383",
    { rest: ["刘媛媛 63526383"] },
  ],
];

describe("every figure of a message is taken or named", () => {
  it.each(ROWS)("%s", (_name, doc, text, expected) => {
    expect(read(doc, text)).toEqual({ hits: [], problems: [], notes: [], rest: [], ...expected });
  });

  it("a rate that an indicator of that name carries is the indicator's 实际完成值", () => {
    const doc: Json = {
      schemaVersion: 1,
      indicators: [
        { name: "投入", groups: [{ name: "资金", indicators: [{ name: "资金到位率", target: "100%" }] }] },
      ],
    };
    expect(read(doc, "资金到位率98%")).toEqual({
      hits: [["indicators.0.groups.0.indicators.0.actual", "98%"]],
      problems: [],
      notes: [],
      rest: [],
    });
  });
});
