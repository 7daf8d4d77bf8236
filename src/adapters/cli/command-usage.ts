import { displayWidth } from "../../core/display-width.ts";

/** One option of a command: how it is written, an example value, and what it does. */
interface OptionDoc {
  flag: string;
  /** Placeholder of its value ("路径"); absent for a switch such as --json. */
  value?: string;
  /** A value to show in an example ("/tmp/demo.db"). */
  example?: string;
  what: string;
}

/** A command's own usage: its synopsis, what it does, its options and examples. */
interface CommandDoc {
  synopsis: string;
  what: string;
  options: OptionDoc[];
  examples: string[];
}

const DB: OptionDoc = {
  flag: "db",
  value: "路径",
  example: "/tmp/demo.db",
  what: "报告数据库（默认 data/ziping.db）",
};
const JSON_OUT: OptionDoc = { flag: "json", what: "输出 JSON" };
const SCHEME: OptionDoc = {
  flag: "scheme",
  value: "方案ID|方案文件",
  example: "table",
  what: "评分方案（ziping schemes 列出；table = 按本表结构）",
};
const LLM: OptionDoc = { flag: "llm", value: "on|off", example: "off", what: "是否用模型起草叙述部分" };
const IDENTITY: OptionDoc[] = [
  { flag: "name", value: "单位", example: "南县财政局", what: "单位全称（文件中没写明时）" },
  { flag: "year", value: "年度", example: "2021", what: "年度（文件中没写明时）" },
  { flag: "kind", value: "部门整体|项目支出", example: "项目支出", what: "报告类型（文件中没写明时）" },
];

/** Every command's usage; the options listed are the only ones the command accepts (besides --help). */
export const COMMANDS: Readonly<Record<string, CommandDoc>> = {
  chat: {
    synopsis: "ziping chat [--db 路径] [--user 登录名] [--script 对话文件] [--out 文件夹] [--llm on|off]",
    what: "终端对话填写报告；“生成报告”把 .md 和 .docx 写到 out/",
    options: [
      DB,
      {
        flag: "user",
        value: "登录名",
        example: "zhangli",
        what: "以另一用户的身份对话（仅管理员；默认是您的系统登录名）",
      },
      {
        flag: "script",
        value: "对话文件",
        example: "对话.txt",
        what: "按文件中的消息逐条对话（消息之间用一行 --- 分开）",
      },
      { flag: "delay", value: "毫秒", example: "300", what: "按文件对话时每条消息之间等待的毫秒数" },
      { flag: "out", value: "文件夹", example: "out", what: "生成报告写到的文件夹（默认 out）" },
      LLM,
    ],
    examples: ["npx ziping chat --script fixtures/conversations/seed-000.txt --db /tmp/demo.db"],
  },
  reports: {
    synopsis: "ziping reports [--db 路径] [--json]",
    what: "列出您可以打开的报告、进度和当前得分（管理员：全部报告及创建人）",
    options: [DB, JSON_OUT],
    examples: ["npx ziping reports --db /tmp/demo.db"],
  },
  export: {
    synopsis: "ziping export <报告编号> [--with-events] [--db 路径]",
    what: "输出您可以打开的报告的 JSON（可交给 score/explain）；--with-events 输出整份报告（连同成员和修改记录），可用 import-report 载入",
    options: [{ flag: "with-events", what: "连同成员和修改记录输出整份报告" }, DB],
    examples: ["npx ziping export r1a2b3c4d --db /tmp/demo.db"],
  },
  "import-report": {
    synopsis: "ziping import-report <整份报告.json> [--db 路径]",
    what: "载入 ziping export <编号> --with-events 导出的整份报告及其修改记录（编号已存在时不导入；仅管理员）",
    options: [DB],
    examples: ["npx ziping import-report r1a2b3c4d.json --db /tmp/demo.db"],
  },
  score: {
    synopsis: "ziping score <报告.json> [--scheme 方案ID|方案文件] [--json]",
    what: "按评分方案计分，列出与规则不符之处",
    options: [SCHEME, JSON_OUT],
    examples: ["npx ziping score fixtures/reports/seed-000.json"],
  },
  explain: {
    synopsis: "ziping explain <报告.json> [--scheme 方案ID|方案文件] [--json]",
    what: "为什么不是100分？怎样才能得优/100分？",
    options: [SCHEME, JSON_OUT],
    examples: ["npx ziping explain fixtures/reports/seed-000.json"],
  },
  import: {
    synopsis:
      "ziping import <文件> [--out 报告.json] [--unit 万元] [--json] [--name 单位] [--year 2021] [--kind 部门整体|项目支出]",
    what: "读取 .txt/.md/.docx/.xlsx/.pdf 报告，列出读到和没读到的内容",
    options: [
      { flag: "out", value: "报告.json", example: "/tmp/报告.json", what: "把读到的报告写成 JSON 文件" },
      { flag: "unit", value: "万元|元", example: "万元", what: "表格没写单位的金额按此读取" },
      JSON_OUT,
      ...IDENTITY,
    ],
    examples: ["npx ziping import fixtures/seeds/002_65c9de34f8230d6c.txt --out /tmp/seed-002.json"],
  },
  check: {
    synopsis:
      "ziping check <文件...> [--corpus 路径] [--scheme 方案] [--json] [--name 单位] [--year 2021] [--kind 部门整体|项目支出]",
    what: "检查报告：分值、得分、执行率、叙述、抄袭等问题",
    options: [
      { flag: "corpus", value: "路径", example: "往年报告/", what: "抄袭比对用的报告文件、文件夹或语料库" },
      SCHEME,
      JSON_OUT,
      ...IDENTITY,
      DB,
    ],
    examples: [
      "npx ziping check fixtures/seeds/001_ed109474d837ba6d.txt --corpus fixtures/seeds/000_0839647822e00506.txt",
    ],
  },
  review: {
    synopsis:
      "ziping review <文件夹或文件...> [--out 文件夹] [--corpus 路径] [--add-to-corpus] [--scheme 方案] [--json]",
    what: "审阅一批报告：逐份检查，按最需要审阅的排序列出总览、各规则违反情况和报告之间相同的段落",
    options: [
      { flag: "out", value: "文件夹", example: "审阅结果/", what: "把 review.json 等审阅结果写到此文件夹" },
      {
        flag: "corpus",
        value: "路径",
        example: "语料库.db",
        what: "同时与语料库（.db）或往年报告文件、文件夹比对抄袭",
      },
      { flag: "add-to-corpus", what: "审阅后把这批报告加入 --corpus 指定的语料库（.db），已有的不重复加入" },
      SCHEME,
      JSON_OUT,
      DB,
    ],
    examples: ["npx ziping review 收到的报告/ --out 审阅结果/"],
  },
  corpus: {
    synopsis: "ziping corpus add <文件或文件夹...> [--skip-unreadable] | list | seeds [--db 路径]",
    what: "管理抄袭比对语料库（seeds = 加入自带的示例报告）。add 是整批的：有读不了的文件时什么也不加入，并列出全部问题",
    options: [
      DB,
      JSON_OUT,
      {
        flag: "skip-unreadable",
        what: "只加入能读的报告，读不了的列出原因后跳过（同一份文字不会重复加入，补全后可再运行）",
      },
    ],
    examples: [
      "npx ziping corpus add 往年报告/ --db /tmp/demo.db",
      "npx ziping corpus add 收集的报告/ --skip-unreadable",
    ],
  },
  draft: {
    synopsis:
      "ziping draft <报告.json|文件|报告编号> [--out 文件.md|文件.docx] [--llm on|off] [--notes 说明.txt] [--redraft]",
    what: "起草报告：叙述部分由模型或确定性规则起草，输出 Markdown / Word（不写 --out 时两者都写到 out/）",
    options: [
      { flag: "out", value: "文件.md|文件.docx", example: "out/报告.docx", what: "输出文件" },
      LLM,
      { flag: "notes", value: "说明.txt", example: "说明.txt", what: "起草时参考的补充说明" },
      { flag: "redraft", what: "连填报人自己写的各节也重新起草" },
      SCHEME,
      DB,
    ],
    examples: ["npx ziping draft fixtures/reports/seed-000.json --out out/seed-000.docx"],
  },
  units: {
    synopsis:
      "ziping units add <单位名称> <用户编号> [--admin] | remove <单位名称> <用户编号> | list [用户编号] [--db 路径]",
    what: "管理单位成员：成员可查看和填写本单位的报告（仅管理员）",
    options: [{ flag: "admin", what: "把成员设为本单位管理员" }, DB],
    examples: ["npx ziping units add 郑州市金水区电子政务中心 slack:T0123:U0456"],
  },
  backup: {
    synopsis: "ziping backup <备份文件> [--force] [--db 路径]",
    what: "在使用中也能一致地备份数据库（SQLite 在线备份），核对备份可以打开并列出其中的报告、事件和语料数（仅管理员）",
    options: [{ flag: "force", what: "备份文件已存在时覆盖它" }, DB],
    examples: ["npx ziping backup 备份/ziping-2026-12-03.db"],
  },
  restore: {
    synopsis: "ziping restore <备份文件> [--yes] [--db 路径]",
    what: "用备份替换数据库：先核对它是 ziping 数据库并请您确认，原数据库另存为 <数据库>.before-restore-<时间>（仅管理员）",
    options: [{ flag: "yes", what: "不询问，直接恢复（在脚本中使用）" }, DB],
    examples: ["npx ziping restore 备份/ziping-2026-12-03.db"],
  },
  status: {
    synopsis: "ziping status [--json] [--db 路径]",
    what: "运维查看部署状态：数据在哪里（SQLite 文件或 PostgreSQL）、报告和语料数、生成报告的任务（等待、生成中、失败及最近一次失败的原因）、企业微信智能机器人等单连接由哪个实例持有（仅管理员）",
    options: [JSON_OUT, DB],
    examples: [
      "npx ziping status",
      "DATABASE_URL=postgres://ziping:密码@db.example.gov.cn:5432/ziping npx ziping status --json",
    ],
  },
  migrate: {
    synopsis: "ziping migrate --to postgres://… [--force] [--db 路径]",
    what: "把本机 SQLite 数据库（报告及其成员和修改记录、会话、单位、保留期内的消息记录、待交付、模型调用记录、语料库）复制到 PostgreSQL，逐表核对行数，全部一致才以 0 退出（仅管理员）",
    options: [
      {
        flag: "to",
        value: "postgres://…",
        example: "postgres://ziping:密码@127.0.0.1:5432/ziping",
        what: "目标 PostgreSQL 连接地址（不写时用环境变量 DATABASE_URL；密码不会被打印）",
      },
      { flag: "force", what: "目标已有数据时先清空再复制（在终端中会先请您确认）" },
      DB,
    ],
    examples: ["npx ziping migrate --to postgres://ziping:密码@127.0.0.1:5432/ziping --db data/ziping.db"],
  },
  schemes: {
    synopsis: "ziping schemes [--json]",
    what: "列出已安装的评分方案",
    options: [JSON_OUT],
    examples: ["npx ziping schemes"],
  },
  schema: {
    synopsis: "ziping schema",
    what: "打印报告文件的 JSON Schema",
    options: [],
    examples: ["npx ziping schema"],
  },
};

function written(o: OptionDoc): string {
  return o.value === undefined ? `--${o.flag}` : `--${o.flag} ${o.value}`;
}

/** `ziping <command> --help`: the command's synopsis, what it does, each option and an example. */
export function commandHelp(command: string): string | undefined {
  const doc = COMMANDS[command];
  if (doc === undefined) return undefined;
  const rows = [
    ...doc.options.map((o) => [written(o), o.what] as const),
    ["-h, --help", "显示本命令的用法"] as const,
  ];
  const width = Math.max(...rows.map(([flag]) => displayWidth(flag)));
  const options = rows.map(([flag, what]) => `  ${flag}${" ".repeat(width - displayWidth(flag))}  ${what}`);
  return [
    `ziping ${command} —— ${doc.what}`,
    "",
    "用法：",
    `  ${doc.synopsis}`,
    "",
    "选项：",
    ...options,
    "",
    "示例：",
    ...doc.examples.map((e) => `  ${e}`),
  ].join("\n");
}

/**
 * Whether `flag` (without dashes) is one the command accepts; unknown commands accept all. --help and
 * --db (the setting every command may be given, used by those that keep reports) are accepted anywhere.
 */
export function acceptsOption(command: string | undefined, flag: string): boolean {
  if (flag === "help" || flag === "h" || flag === "db") return true;
  const doc = command === undefined ? undefined : COMMANDS[command];
  return doc === undefined || doc.options.some((o) => o.flag === flag);
}

function validOptions(doc: CommandDoc): string {
  return doc.options.length === 0 ? "（无选项）" : doc.options.map(written).join("  ");
}

/**
 * The Chinese message for an option a command line got wrong: `flag` unknown to the command, a value
 * missing, or a value given to a switch. Names the option, the command's valid options and an example.
 */
export function optionError(
  command: string | undefined,
  flag: string,
  problem: "unknown" | "missing-value" | "switch-with-value",
): string {
  const doc = command === undefined ? undefined : COMMANDS[command];
  const who = doc === undefined ? "ziping" : `ziping ${command}`;
  const option = doc?.options.find((o) => o.flag === flag.replace(/^-+/u, "").replace(/=.*$/u, ""));
  const first =
    problem === "unknown"
      ? `${who} 没有选项 ${flag}。`
      : problem === "missing-value"
        ? `选项 ${flag} 后面要写${option?.value ?? "一个值"}，例如 ${flag} ${option?.example ?? "…"}。`
        : `选项 ${flag.replace(/=.*$/u, "")} 不带值，直接写 ${flag.replace(/=.*$/u, "")}。`;
  if (doc === undefined)
    return `命令参数有误：${first}\n用 ziping --help 查看各命令和选项，例如：npx ziping check 报告.docx --json`;
  return [
    `命令参数有误：${first}`,
    `${who} 可用的选项：${validOptions(doc)}`,
    `例如：${doc.examples[0] ?? ""}`,
    `（npx ${who} --help 查看用法）`,
  ].join("\n");
}
