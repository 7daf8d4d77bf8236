import { z } from "zod";

const AgencySchema = z.object({
  /** Stable id, e.g. "ndrc". */
  id: z.string().min(1),
  /** How findings name the agency. */
  label: z.string().min(1),
  /** Names as written in reports, full and short; a report unit whose name contains one is this agency. */
  names: z.array(z.string().min(2)).min(1),
  /**
   * Function statements only this agency writes about itself. `error` when no other unit could
   * write it (政协's "政治协商、民主监督、参政议政"); `warn` when another unit might quote it.
   */
  functions: z.array(z.object({ text: z.string().min(4), severity: z.enum(["error", "warn"]) })),
});
/** An agency whose name or functions must not appear as the reporting unit's own. */
export type Agency = z.infer<typeof AgencySchema>;

const AgencyDataSchema = z.object({
  agencies: z.array(AgencySchema),
  /** Words just before an agency name that make it a partner ("配合区发改委", "报区发改委审批"). */
  partnerWords: z.array(z.string().min(1)),
  /** Verbs that make the reporting unit take the agency's duties as its own ("紧扣政协…职能"). */
  dutyVerbs: z.array(z.string().min(1)),
  /** How a report unit's own name ends when it is not a 委员会 / 会 (so "我委" / "我会" is foreign). */
  nonCommitteeSuffixes: z.array(z.string().min(1)),
});

/** Agencies whose names or functions give away a passage copied from their reports; extend freely. */
export const AGENCY_DATA = AgencyDataSchema.parse({
  agencies: [
    {
      id: "ndrc",
      label: "发展和改革委员会（发改委）",
      names: [
        "发展和改革委员会",
        "发展改革委员会",
        "发展和改革局",
        "发展改革委",
        "发展改革局",
        "发改委",
        "发改局",
      ],
      functions: [
        { text: "拟订并组织实施国民经济和社会发展", severity: "warn" },
        { text: "组织拟订国民经济和社会发展", severity: "warn" },
        { text: "统筹协调经济社会发展", severity: "warn" },
      ],
    },
    {
      id: "cppcc",
      label: "政协",
      names: ["政治协商会议", "政协"],
      functions: [
        { text: "政治协商、民主监督、参政议政", severity: "error" },
        { text: "政治协商、民主监督和参政议政", severity: "error" },
      ],
    },
    {
      id: "npc",
      label: "人大常委会",
      names: ["人民代表大会常务委员会", "人民代表大会", "人大常委会", "人大"],
      functions: [
        { text: "立法权、监督权、决定权、任免权", severity: "error" },
        { text: "立法、监督、决定、任免", severity: "error" },
      ],
    },
    {
      id: "discipline",
      label: "纪委监委",
      names: ["纪律检查委员会", "监察委员会", "纪委监委", "纪检监察", "纪委", "监委"],
      functions: [
        { text: "监督执纪问责", severity: "warn" },
        { text: "监督调查处置", severity: "warn" },
      ],
    },
    {
      id: "police",
      label: "公安机关",
      names: ["公安局", "公安分局", "公安机关", "公安厅"],
      functions: [
        { text: "预防、制止和侦查违法犯罪活动", severity: "error" },
        { text: "维护社会治安秩序", severity: "warn" },
      ],
    },
    {
      id: "court",
      label: "人民法院",
      names: ["人民法院", "法院"],
      functions: [{ text: "依法独立行使审判权", severity: "error" }],
    },
    {
      id: "procuratorate",
      label: "人民检察院",
      names: ["人民检察院", "检察院"],
      functions: [
        { text: "依法独立行使检察权", severity: "error" },
        { text: "国家的法律监督机关", severity: "error" },
      ],
    },
    { id: "finance", label: "财政局", names: ["财政局", "财政厅", "财政部门"], functions: [] },
    {
      id: "audit",
      label: "审计局",
      names: ["审计局", "审计厅", "审计机关"],
      functions: [{ text: "依法独立行使审计监督权", severity: "error" }],
    },
    { id: "statistics", label: "统计局", names: ["统计局"], functions: [] },
    { id: "tax", label: "税务局", names: ["税务局", "税务机关"], functions: [] },
    {
      id: "women",
      label: "妇联",
      names: ["妇女联合会", "妇联"],
      functions: [{ text: "代表和维护妇女儿童权益", severity: "error" }],
    },
    {
      id: "unions",
      label: "总工会",
      names: ["总工会"],
      functions: [{ text: "维护职工合法权益", severity: "warn" }],
    },
    { id: "league", label: "共青团", names: ["共青团", "团委"], functions: [] },
    { id: "organization", label: "组织部", names: ["组织部"], functions: [] },
    { id: "propaganda", label: "宣传部", names: ["宣传部"], functions: [] },
    {
      id: "health",
      label: "卫生健康委员会",
      names: ["卫生健康委员会", "卫生健康委", "卫健委"],
      functions: [],
    },
    { id: "education", label: "教育局", names: ["教育局", "教体局", "教育和体育局"], functions: [] },
    { id: "civil", label: "民政局", names: ["民政局"], functions: [] },
    {
      id: "market",
      label: "市场监督管理局",
      names: ["市场监督管理局", "市场监管局"],
      functions: [],
    },
    { id: "environment", label: "生态环境局", names: ["生态环境局", "环保局"], functions: [] },
    { id: "housing", label: "住房和城乡建设局", names: ["住房和城乡建设局", "住建局"], functions: [] },
    { id: "emergency", label: "应急管理局", names: ["应急管理局"], functions: [] },
  ],
  partnerWords: [
    "配合",
    "按照",
    "根据",
    "依据",
    "报",
    "向",
    "与",
    "和",
    "及",
    "协助",
    "会同",
    "联合",
    "由",
    "经",
    "同",
    "请",
    "接受",
    "受",
    "对接",
    "报送",
    "提交",
    "支持",
    "协调",
  ],
  dutyVerbs: ["紧扣", "围绕", "履行", "发挥", "立足", "聚焦"],
  nonCommitteeSuffixes: ["局", "中心", "办公室", "办", "所", "站", "队", "院", "馆", "处", "科", "社", "厅"],
});
