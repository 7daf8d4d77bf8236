import { type Finding, SEVERITY_LABEL } from "../../core/finding.ts";
import type { CheckedFinding, CheckedReport } from "../check-loaded.ts";
import type { LoadedReport } from "../load-reports.ts";
import type { ReviewEntry, ReviewFinding } from "./review-result.ts";

/** An overview row before the batch is ranked. */
export type UnrankedEntry = Omit<ReviewEntry, "rank" | "rankKey">;

/** A checked report as an overview row: its identity, scores, counts, worst finding and findings. */
export function readEntry(checked: CheckedReport, loaded: LoadedReport): UnrankedEntry {
  const { report, score, findings } = checked;
  const fromOcr = checked.fromOcr === true;
  const claimedGrade = loaded.completed.report.summary.grade;
  const unread = new Set(loaded.unread.map((r) => r.line)).size;
  return {
    path: checked.file,
    label: checked.label,
    status: "read",
    duplicateOf: null,
    unreadable: null,
    unit: report.unit,
    year: report.year,
    kind: report.kind,
    kindAssumed: report.kindAssumed === true,
    project: report.project ?? null,
    scheme: checked.scheme,
    score: { claimed: score.reported ?? null, byRules: score.total, withheld: score.withheld ?? null },
    grade: { claimed: claimedGrade ?? null, byRules: score.grade },
    counts: {
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warn").length,
      infos: findings.filter((f) => f.severity === "info").length,
    },
    worst: worstPhrase(findings),
    notRead: [
      ...checked.notRun.map((n) => `${n.what}：${n.why}`),
      ...(unread > 0 ? [`${unread} 行未能读取（见 report.row_unread 等发现）`] : []),
    ],
    fromOcr,
    findings: findings.map(reviewFinding),
  };
}

/** A file that could not be read at all: its reason is the worst finding and all that is known. */
export function unreadableEntry(path: string, code: string, reason: string): UnrankedEntry {
  return {
    path,
    label: "",
    status: "unreadable",
    duplicateOf: null,
    unreadable: { code, reason },
    unit: null,
    year: null,
    kind: null,
    kindAssumed: false,
    project: null,
    scheme: null,
    score: { claimed: null, byRules: null, withheld: "文件无法读取" },
    grade: { claimed: null, byRules: null },
    counts: { errors: 0, warnings: 0, infos: 0 },
    worst: `无法读取：${firstSentence(reason)}`,
    notRead: [reason],
    fromOcr: false,
    findings: [],
  };
}

/** A finding as the review shows it: as `ziping check --json` gives it, `fromOcr` always set. */
function reviewFinding(f: CheckedFinding): ReviewFinding {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    location: { path: f.where.path, label: f.where.label },
    quote: f.where.quote ?? null,
    ...(f.expected === undefined ? {} : { expected: f.expected }),
    ...(f.actual === undefined ? {} : { actual: f.actual }),
    fromOcr: f.fromOcr === true,
  };
}

/** "错误 · 效益指标 / 满意度：得分超过分值": the first of the sorted findings, in a phrase; null when none. */
function worstPhrase(findings: readonly Finding[]): string | null {
  const [first] = findings;
  if (first === undefined) return null;
  return `${SEVERITY_LABEL[first.severity]} · ${first.where.label}：${firstSentence(first.message)}`;
}

const PHRASE = 48;

/** The message up to its first full stop or semicolon, at most PHRASE characters. */
function firstSentence(message: string): string {
  const head = message.split(/[。；]/u)[0] ?? message;
  const chars = [...head];
  return chars.length > PHRASE ? `${chars.slice(0, PHRASE).join("")}…` : head;
}
