/**
 * Commands the officer can type at any point, recognised before a message is read as an answer.
 * Word lists are data; the order matters (the first match wins).
 */
export type Intent =
  | { kind: "confirm" }
  | { kind: "cancel" }
  | { kind: "undo" }
  | { kind: "skip" }
  /** Put off every question of the current kind (all 实际完成值, all 指标值 …). */
  | { kind: "skip-all" }
  | { kind: "progress" }
  | { kind: "missing" }
  | { kind: "help" }
  | { kind: "score" }
  | { kind: "why"; claimed?: number }
  | { kind: "howto"; goal: "优" | "100" }
  | { kind: "new-report" }
  | { kind: "list-reports" }
  | { kind: "open-report"; ref: string }
  | { kind: "generate" }
  /** "换评分办法": show the schemes to change to. */
  | { kind: "change-scheme" }
  | { kind: "correct"; target: string; value: string }
  | { kind: "indicator-edit"; ref: string; column: string; value: string };

const EXACT: ReadonlyArray<[RegExp, Intent]> = [
  [/^(确认|确定|是|是的|对|对的|好|好的|可以|没问题|ok|OK|保存|无误)$/, { kind: "confirm" }],
  [/^(取消|不对|不是|否|算了|放弃|不保存)$/, { kind: "cancel" }],
  [/^(撤销|撤回|undo|回退|撤销上一步|撤销刚才的修改)$/, { kind: "undo" }],
  [/^(跳过|稍后补充|以后再说|先跳过|暂时跳过|待补充|稍后再填|skip)$/, { kind: "skip" }],
  [/^(全部跳过|都跳过|这类都跳过|这一类都跳过|跳过全部|跳过这一类|全部稍后补充)$/, { kind: "skip-all" }],
  [/^(进度|完成了多少|到哪了|进展)$/, { kind: "progress" }],
  [/^(还差什么|还缺什么|还需要什么|缺什么|还差哪些)$/, { kind: "missing" }],
  [/^(帮助|help|怎么用|\?|？|菜单)$/, { kind: "help" }],
  [/^(新建报告|新报告|开始新报告|再写一份)$/, { kind: "new-report" }],
  [/^(我的报告|报告列表|所有报告)$/, { kind: "list-reports" }],
  [/^(生成报告|生成|出报告|导出|导出报告|生成草稿)$/, { kind: "generate" }],
  [
    /^(?:我要|我想|请|帮我)?(?:换|更换|重选|重新选择?|改|修改|变更)(?:一下|一个)?(?:评分办法|评分方案|计分办法)$/,
    { kind: "change-scheme" },
  ],
];

const CORRECT =
  /^(?:请)?(?:把|将)?(.{2,20}?)(?:改成|改为|更正为|修改为|更改为|应为|应该是|应是)[:：]?\s*(.+)$/;
const INDICATOR_N =
  /^第\s*([0-9０-９一二三四五六七八九十百]+)\s*[个项条]?(?:三级)?指标的?(.{1,8}?)(?:是|为|改成|改为|应为|:|：)\s*(.+)$/;
const INDICATOR_NAMED =
  /^(.{2,30}?)的(指标值|目标值|实际完成值|实际值|完成值|分值|得分|未完成原因|偏差原因|原因)(?:是|为|改成|改为|应为|:|：)\s*(.+)$/;

/** Recognises a command; null means "read it as an answer". */
export function recognise(text: string): Intent | null {
  const t = text.trim().replace(/[。！!]+$/, "");
  for (const [re, intent] of EXACT) if (re.test(t)) return intent;
  if (/(怎样|怎么|如何).{0,6}(得|拿|达到|才能).{0,4}(优|100|满分|一百)/.test(t))
    return { kind: "howto", goal: /优/.test(t) ? "优" : "100" };
  if (/(为什么|为啥|怎么).{0,12}(分|扣)/.test(t)) {
    const claimed = t.match(/是\s*(\d+(?:\.\d+)?)\s*分/);
    return claimed?.[1] === undefined ? { kind: "why" } : { kind: "why", claimed: Number(claimed[1]) };
  }
  if (
    /^(现在|目前|当前)?(多少分|几分|得分多少|分数)|^(现在|目前|当前).{0,4}(多少分|几分|得分)|^(算|计)一?下?分/.test(
      t,
    )
  )
    return { kind: "score" };
  const open = t.match(/^(?:切换|打开|继续)(?:到)?(?:报告)?\s*[:：]?\s*([A-Za-z0-9_-]+|\d+)$/);
  if (open?.[1] !== undefined) return { kind: "open-report", ref: open[1] };
  const n = t.match(INDICATOR_N);
  if (n?.[1] !== undefined && n[2] !== undefined && n[3] !== undefined)
    return { kind: "indicator-edit", ref: n[1], column: n[2], value: n[3] };
  const named = t.match(INDICATOR_NAMED);
  if (named?.[1] !== undefined && named[2] !== undefined && named[3] !== undefined && !t.includes("\n"))
    return { kind: "indicator-edit", ref: named[1], column: named[2], value: named[3] };
  const c = t.match(CORRECT);
  if (c?.[1] !== undefined && c[2] !== undefined && !t.includes("\n"))
    return { kind: "correct", target: c[1], value: c[2] };
  return null;
}
