/** The greeting of a new conversation. */
export const WELCOME = `您好，我是 ziping（自评），帮您填写年度绩效自评报告。
我会一次问一个问题；您也可以一次告诉我好几项（例如“年初预算561.41万，调整后561.41万，执行545.06万”），或直接粘贴从 Excel/Word 复制的表格。
随时可以说：撤销、跳过、进度、还差什么、现在多少分、为什么是96分不是100分、帮助。`;

/** "帮助". */
export const HELP_TEXT = `可以这样说：
· 直接回答问题；一句话里可以有多项：年初预算561.41万，调整后561.41万，执行545.06万
· 粘贴表格：从 Excel/Word 复制自评表、任务表、指标表、得分情况表，我会先列出读到的内容请您确认
· 粘贴文字：带章节标题粘贴，如“五、发现的主要问题和改进措施”后接正文
· 修改：把预算执行数改成545.06万元 / 第3个指标的实际值是98% / 辖区居民满意的得分改成5
· 撤销：撤回上一次保存的修改
· 跳过 或 稍后补充：先填后面的
· 进度、还差什么：看完成情况
· 现在多少分、为什么是96分不是100分、怎样才能得优、怎样才能得100分
· 生成报告：导出当前报告
· 我的报告、切换到报告 <编号>、新建报告`;

/** The same answer for a report that does not exist and one of another unit, so ids cannot be probed. */
export function notFoundText(ref: string): string {
  return `没有找到您可以打开的报告“${ref}”。回复“我的报告”查看列表。`;
}
