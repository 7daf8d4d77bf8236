import type { Finding, Severity } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { AGENCY_DATA, type Agency } from "./data/agencies.ts";
import { unitShortName } from "./report-terms.ts";
import { compact, quoteAround, type SectionRef, sectionFinding, sectionName } from "./section-text.ts";

const CLAUSE = "[^，,。；;\\n]";
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Hit {
  agency: string;
  severity: Severity;
  start: number;
  end: number;
  what: string;
}

function agencyPatterns(agency: Agency): Array<{ re: RegExp; guard: boolean }> {
  const names = `(?:${agency.names.map(escapeRe).join("|")})`;
  const verbs = `(?:${AGENCY_DATA.dutyVerbs.map(escapeRe).join("|")})`;
  return [
    { re: new RegExp(`对${CLAUSE}{0,8}?${names}(?:的)?(?:主要|各项)?工作(?:的)?满意度`, "g"), guard: false },
    {
      re: new RegExp(`${verbs}${CLAUSE}{0,8}?${names}[^，,。；;\\n]{0,30}?(?:职能|职责)`, "g"),
      guard: false,
    },
    { re: new RegExp(`${names}(?:的)?(?:主要|工作)?(?:职能|职责)`, "g"), guard: true },
  ];
}

/** Whether the words just before `start` make the agency a partner ("配合区发改委", "报区发改委"). */
function partnerBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  const clause = before.split(/[，,。；;\n]/).at(-1) ?? "";
  return AGENCY_DATA.partnerWords.some((w) => clause.includes(w));
}

/** Whether the report's own unit (or its 主管部门) is this agency. */
function isOwnAgency(agency: Agency, report: Report): boolean {
  const own = compact(`${report.unit.name}|${report.unit.parent ?? ""}`);
  return agency.names.some((n) => own.includes(n));
}

/** Whether the clause around `at` names the agency as a partner ("配合区纪委开展监督执纪问责"). */
function partnerClause(text: string, at: number, agency: Agency): boolean {
  const start = Math.max(...["，", ",", "。", "；", ";", "\n"].map((p) => text.lastIndexOf(p, at))) + 1;
  const stop = text.slice(at).search(/[，,。；;\n]/);
  const clause = text.slice(start, stop < 0 ? text.length : at + stop);
  return agency.names.some((n) => {
    const i = clause.indexOf(n);
    return i >= 0 && partnerBefore(clause, i);
  });
}

const PATTERNS = new Map(AGENCY_DATA.agencies.map((a) => [a.id, agencyPatterns(a)] as const));

function agencyHits(text: string, agency: Agency): Hit[] {
  const hits: Hit[] = [];
  for (const { re, guard } of PATTERNS.get(agency.id) ?? []) {
    for (const m of text.matchAll(re)) {
      if (guard && partnerBefore(text, m.index)) continue;
      const end = m.index + m[0].length;
      hits.push({ agency: agency.label, severity: "error", start: m.index, end, what: m[0] });
    }
  }
  for (const f of agency.functions) {
    for (let at = text.indexOf(f.text); at >= 0; at = text.indexOf(f.text, at + 1)) {
      if (partnerClause(text, at, agency)) continue;
      const end = at + f.text.length;
      hits.push({ agency: agency.label, severity: f.severity, start: at, end, what: f.text });
    }
  }
  return hits;
}

/** "我委" / "我会" in a report whose unit is a 局 / 中心 / 办 (and no 委 / 会): text written by a committee. */
function selfWordHits(text: string, report: Report): Hit[] {
  const name = unitShortName(report);
  if (/[委会]/.test(name) || !AGENCY_DATA.nonCommitteeSuffixes.some((s) => name.endsWith(s))) return [];
  return [...text.matchAll(/我(委|会)(?![同议计员上签商谈审托派])/g)].map((m) => ({
    agency: "委员会",
    severity: "error" as const,
    start: m.index,
    end: m.index + m[0].length,
    what: m[0],
  }));
}

function ownWord(report: Report): string {
  const suffix = AGENCY_DATA.nonCommitteeSuffixes.find((s) => unitShortName(report).endsWith(s));
  return suffix ? `本${suffix}` : "本单位";
}

/** Keeps one hit per agency and clause (the most serious, then the first). */
function distinct(text: string, hits: Hit[]): Hit[] {
  const kept = new Map<string, Hit>();
  const sorted = [...hits].sort((a, b) =>
    a.severity === b.severity ? a.start - b.start : a.severity === "error" ? -1 : 1,
  );
  for (const h of sorted) {
    const clause = text.slice(0, h.start).split(/[。；;\n]/).length;
    const key = `${h.agency}#${clause}`;
    if (!kept.has(key)) kept.set(key, h);
  }
  return [...kept.values()].sort((a, b) => a.start - b.start);
}

/**
 * copy.foreign_agency: text that treats another agency as the reporting unit — satisfaction with
 * "发改委主要工作", "紧扣政协…职能", "发改委的职能", "我委" in a 局's report, or the agency's own
 * function statement verbatim. Mentions as a partner ("配合区发改委", "报区发改委审批") are not flagged;
 * nor is anything about the unit's own agency.
 */
export function checkForeignAgency(refs: readonly SectionRef[], report: Report): Finding[] {
  const agencies = AGENCY_DATA.agencies.filter((a) => !isOwnAgency(a, report));
  return refs.flatMap((ref) => {
    const hits = [...agencies.flatMap((a) => agencyHits(ref.text, a)), ...selfWordHits(ref.text, report)];
    return distinct(ref.text, hits).map((h) =>
      sectionFinding(
        "copy.foreign_agency",
        h.severity,
        ref,
        quoteAround(ref.text, h.start, h.end),
        `报告单位是“${report.unit.name}”，但${sectionName(ref)}写的是“${h.what}”，像是从${h.agency}的报告中照抄的。请改为本单位的名称和职能（如“${ownWord(report)}”），并核对这一段的其他内容是否也属于别的单位。`,
        { expected: report.unit.name, actual: h.agency },
      ),
    );
  });
}
