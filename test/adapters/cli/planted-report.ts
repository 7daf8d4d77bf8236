/**
 * A report that copies another agency's wording: the check of a corpus holding the seeds must find
 * it (test/adapters/cli/corpus.test.ts on SQLite, postgres-commands.test.ts on PostgreSQL).
 */

/** Seed 000's 部门年度履职目标: an 电子政务中心's functions, pasted into an agriculture bureau's report. */
const COPIED_DUTIES =
  "1.推进金水区电子政务发展；2.全区电子政务设计规划的组织、实施；3.全区电子政务的发展与研究；4.区机关信息网、人民政府互联网门户网站的建设、运行、维护和管理；5.全区各镇、办事处、政府各部门网站的建设、监督检查和指导；6.全区电子政务和政府信息公开相关工作制度的建立；7.政府信息公开申请的处理。";

/** A minimal valid report of 某县农业农村局 (2021) whose 履职目标 section ends with the copied duties. */
export function plantedReport(): string {
  return JSON.stringify({
    kind: "department",
    unit: { name: "某县农业农村局" },
    year: 2021,
    schemeId: "henan-zhengzhou-district-department",
    narrative: [
      {
        id: "duties",
        title: "（一）部门年度履职目标及主要任务",
        text: `负责全县高标准农田建设和农业技术推广。${COPIED_DUTIES}`,
      },
    ],
  });
}
