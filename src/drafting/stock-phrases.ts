/**
 * Stock sentences a draft must never write on its own: they describe work the officer never told
 * of (a working group, a rectification ledger, publication with the accounts) or blame the officer
 * for the report's gaps. ziping exists to flag such boilerplate in reports; its drafts mark what is
 * missing 〔待补充：…〕 instead. A drafted text may carry one only when the officer's own material does.
 */
export const STOCK_PHRASES = [
  "成立绩效自评工作组",
  "成立自评工作组",
  "自评工作组逐项核实",
  "按程序报财政部门审核",
  "随部门决算一并向社会公开",
  "接受社会监督",
  "建立整改台账",
  "明确责任科室和完成时限",
  "填报质量有待提高",
  "以自评表为抓手",
  "佐证材料还不够系统",
  "没有其他需要说明的事项",
] as const;

const compact = (text: string) => text.replace(/\s/gu, "");

/** The stock phrases in `text` that none of the officer's `material` holds. */
export function stockPhrasesIn(text: string, material: readonly string[] = []): string[] {
  const body = compact(text);
  const given = material.map(compact);
  return STOCK_PHRASES.filter((p) => body.includes(p) && !given.some((m) => m.includes(p)));
}
