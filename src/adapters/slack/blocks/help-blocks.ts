import { context, type SlackMessage, section } from "./block-kit.ts";

/** The subcommands of `/ziping`, with what each does, in the order `/ziping help` lists them. */
export const SLASH_COMMANDS: ReadonlyArray<{ usage: string; text: string }> = [
  { usage: "new", text: "新建报告" },
  { usage: "continue [编号]", text: "继续填写（不带编号列出我的报告）" },
  { usage: "status", text: "进度" },
  { usage: "score", text: "现在多少分" },
  { usage: "why", text: "为什么扣分" },
  { usage: "draft", text: "生成报告（上传 Word 和 Markdown）" },
  { usage: "check", text: "核查（算术、空话套话、前后矛盾、抄袭）" },
  { usage: "help", text: "帮助" },
];

/** `/ziping help`: the subcommands, and that in the direct message one can simply type. */
export function helpText(): SlackMessage {
  const lines = SLASH_COMMANDS.map((c) => `\`/ziping ${c.usage}\`　${c.text}`);
  return {
    text: "ziping 使用帮助",
    blocks: [
      section(["*ziping 使用帮助*", ...lines].join("\n")),
      context("在与 ziping 的私信里可以直接打字回答、粘贴表格，或上传 .xlsx、.docx、.txt 文件。"),
    ],
  };
}
