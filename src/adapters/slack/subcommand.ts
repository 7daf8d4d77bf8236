/** The subcommands of `/ziping`, with the Chinese words accepted for each. */
export const SUBCOMMANDS = {
  new: ["new", "新建", "新建报告"],
  continue: ["continue", "继续", "打开"],
  status: ["status", "进度"],
  score: ["score", "得分", "分数"],
  why: ["why", "为什么", "扣分"],
  draft: ["draft", "生成", "生成报告"],
  check: ["check", "核查", "检查"],
  help: ["help", "帮助", ""],
} as const;

export type Subcommand = keyof typeof SUBCOMMANDS;

/** `/ziping score r1a2b3c4d` → { name: "score", arg: "r1a2b3c4d" }; an unknown word → { name: null, word }. */
export function parseSubcommand(
  text: string,
): { name: Subcommand; arg: string | null } | { name: null; word: string } {
  const [first = "", ...rest] = text.trim().split(/\s+/);
  const word = first.toLowerCase();
  const arg = rest.join(" ").trim();
  for (const [name, words] of Object.entries(SUBCOMMANDS) as [Subcommand, readonly string[]][])
    if (words.includes(word)) return { name, arg: arg === "" ? null : arg };
  return { name: null, word: first };
}
