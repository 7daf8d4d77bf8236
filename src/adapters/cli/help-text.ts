/** `ziping --help`: every command in one line or two, examples, the shared-machine rule, exit codes. */
export const HELP = `ziping（自评）—— 绩效自评报告助手

用法：
  ziping chat    [--db 路径] [--user 登录名] [--script 对话文件] [--out 文件夹] [--llm on|off]
                                                                   终端对话填写报告（默认 data/ziping.db）；“生成报告”把 .md 和 .docx 写到 out/
  ziping reports [--db 路径] [--json]                               列出您可以打开的报告、进度和当前得分
  ziping export  <报告编号> [--with-events] [--db 路径]              输出报告 JSON（可交给 score/explain）；--with-events 连同成员和修改记录输出整份报告
  ziping import-report <整份报告.json> [--db 路径]                   载入 export --with-events 导出的整份报告及其修改记录（管理员）
  ziping score   <报告.json> [--scheme 方案ID|方案文件] [--json]   按评分方案计分，列出与规则不符之处
  ziping explain <报告.json> [--scheme 方案ID|方案文件] [--json]   为什么不是100分？怎样才能得优/100分？
  ziping import  <文件> [--out 报告.json] [--unit 万元] [--json]      读取 .txt/.md/.docx/.xlsx/.pdf 报告，列出读到和没读到的内容
  ziping check   <文件...> [--corpus 路径] [--scheme 方案] [--json]  检查报告：分值、得分、执行率、叙述、抄袭等问题
                 import 和 check 都可加 [--name 单位] [--year 2021] [--kind 部门整体|项目支出]：补上文件中没写明的内容
  ziping review  <文件夹或文件...> [--out 文件夹] [--corpus 路径] [--add-to-corpus] [--json]
                                                                   审阅一批报告：按最需要审阅的排序列出总览、各规则情况和报告之间相同的段落
  ziping corpus  add <文件或文件夹...> | list | seeds [--db 路径]      管理抄袭比对语料库（seeds = 加入自带的示例报告）
  ziping draft   <报告.json|文件|报告编号> [--out 文件.md|文件.docx] [--llm on|off] [--notes 说明.txt] [--redraft]
                                                                   起草报告：叙述部分由模型或确定性规则起草，输出 Markdown / Word（不写 --out 时两者都写到 out/）
  ziping units   add <单位名称> <用户编号> [--admin] | remove <单位名称> <用户编号> | list [用户编号] [--db 路径]
                                                                   管理单位成员（管理员）：成员可查看和填写本单位的报告（用户编号如 slack:T0123:U0456 或终端登录名）
  ziping backup  <备份文件> [--force] [--db 路径]                     在使用中也能一致地备份数据库，核对备份并列出其中的报告、事件和语料数（管理员）
  ziping restore <备份文件> [--yes] [--db 路径]                       用备份替换数据库（管理员；先确认；原数据库另存为 <数据库>.before-restore-<时间>）
  ziping migrate --to postgres://… [--force] [--db 路径]            把本机 SQLite 数据库复制到 PostgreSQL（多实例共用），逐表核对行数（管理员）
  ziping status  [--json] [--db 路径]                               部署状态：数据在哪里、报告和语料数、生成任务（失败的原因）、单连接由哪个实例持有（管理员）
  ziping schemes [--json]                                          列出已安装的评分方案
  ziping schema                                                    打印报告文件的 JSON Schema

示例：
  npm start                                  （即 ziping chat）
  npx ziping chat --script fixtures/conversations/seed-000.txt --db /tmp/demo.db
  npx ziping score fixtures/reports/seed-000.json
  npx ziping explain fixtures/reports/seed-000.json
  npx ziping import fixtures/seeds/002_65c9de34f8230d6c.txt --out /tmp/seed-002.json
  npx ziping draft fixtures/reports/seed-000.json --out out/seed-000.docx
  npx ziping check fixtures/seeds/001_ed109474d837ba6d.txt --corpus fixtures/seeds/000_0839647822e00506.txt
  npx ziping review fixtures/seeds --out /tmp/审阅结果
  npx ziping units add 郑州市金水区电子政务中心 slack:T0123:U0456
  npx ziping backup 备份/ziping-2026-12-03.db

多人共用一台机器：ziping 以您的系统登录名工作，只列出、导出和起草您（或您所在单位）的报告；
  管理员（root、数据库文件的所有者、环境变量 ZIPING_ADMINS 中列出的登录名）可以看全部报告、用 --user 代别人对话，
  并运行 units、backup、restore、import-report。详见 README“多人共用一台机器”。

退出码：0 成功；2 输入有误（会用中文说明哪个文件、哪个字段、应如何填写）。`;
