import type { SourceFile } from "./import-rules.ts";

/** The folders whose exports must be used by some other file of src/ (the pure and byte folders). */
const CHECKED = /^src\/(core|numbers|scoring|checks|conversation|drafting|importing|rendering)\//;

const DECLARATION =
  /^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

/** An export no other file of src/ names: "src/scoring/score.ts:score". */
export type UnusedExport = `${string}:${string}`;

/** The top-level statements of a file that start with `export`, as text (up to the next line that starts a statement). */
function exportedStatements(text: string): string[] {
  return text.split(/\n(?=[A-Za-z/@])/).filter((s) => s.startsWith("export"));
}

/**
 * The exports of the checked folders that no other file of src/ names. A type or interface that
 * another export of its own file names (a parameter or result type) counts as used: callers reach
 * it through that export. A name in another file's comment counts as used (the rule is a scan).
 */
export function unusedExports(files: readonly SourceFile[]): UnusedExport[] {
  const words = new Map(files.map((f) => [f.path, new Set(f.text.match(/[A-Za-z_$][\w$]*/g) ?? [])]));
  const out: UnusedExport[] = [];
  for (const file of files) {
    if (!CHECKED.test(file.path)) continue;
    const statements = exportedStatements(file.text);
    for (const [, kind, name = ""] of file.text.matchAll(DECLARATION)) {
      if (files.some((f) => f.path !== file.path && words.get(f.path)?.has(name))) continue;
      const ownDeclaration = new RegExp(`^export\\s+(?:interface|type)\\s+${name}\\b`);
      const named = new RegExp(`\\b${name}\\b`);
      if (
        (kind === "interface" || kind === "type") &&
        statements.some((s) => !ownDeclaration.test(s) && named.test(s))
      )
        continue;
      out.push(`${file.path}:${name}`);
    }
  }
  return out;
}

/**
 * Exports that only tests import, kept on purpose. Each is a concept of its own with a unit test
 * worth more than going through its caller; anything else that only a test uses should not be
 * exported (test through the public function) or should go.
 */
export const TEST_ONLY_EXPORTS: Readonly<Record<UnusedExport, string>> = {
  "src/core/indicators.ts:IndicatorSchema": "the indicator model; tests build rows with it",
  "src/core/target.ts:TargetSchema": "the parsed target model; its test checks the three kinds",
  "src/checks/check-quantities.ts:sameThing": "when two quantity mentions are the same thing: many cases",
  "src/checks/quantity-mentions.ts:thingKey": "the key quantities are matched by: many cases",
  "src/checks/copy/passages.ts:displayQuote": "how a copied passage is quoted to the officer",
  "src/conversation/apply-proposal.ts:checkDraft": "the Chinese messages of an invalid draft, case by case",
  "src/conversation/facts.ts:splitShared": "the linear-time pattern test drives it with long input",
  "src/conversation/figure-leftovers.ts:PERCENT": "the linear-time pattern test drives it with long input",
  "src/conversation/paste.ts:unreadNotices": "the notices for unread parts of a paste, case by case",
  "src/drafting/build-prompt.ts:DEFAULT_NOTE_BUDGET": "the prompt's note budget; the test fills it exactly",
  "src/drafting/build-prompt.ts:factsFor": "which facts a section's prompt gets",
  "src/drafting/build-prompt.ts:officerMaterial": "the officer's material as the prompt quotes it",
  "src/drafting/build-prompt.ts:truncateText": "cutting material at the budget without splitting a character",
  "src/drafting/placeholders.ts:placeholderKeys": "the [[key]] placeholders of a model's text",
  "src/drafting/problem-items.ts:measureKindOf": "which kind of measure a problem item proposes",
  "src/drafting/section-kit.ts:hasFigure": "whether a sentence states a figure",
  "src/drafting/sentence-sources.ts:sentenceSources":
    "the honesty audit of a draft (each sentence's fact, finding or 待补充); the draft tests use it",
  "src/drafting/sentence-sources.ts:isSourced":
    "the honesty audit of a draft: whether a sentence has a source",
  "src/drafting/validate-section.ts:hanShare": "the share of Chinese characters a section must reach",
  "src/drafting/validate-section.ts:instructionSentences": "sentences that instruct a model: many phrasings",
  "src/importing/files/pdf-furniture.ts:isPageNumber": "page-number lines in their many forms",
  "src/importing/files/pdf-tab-stops.ts:continueTabbed": "joining a tabbed PDF line that wraps",
  "src/importing/files/pdf-tab-stops.ts:tabCells": "cutting a PDF line at tab stops",
  "src/importing/report/complete-report.ts:UNKNOWN_UNIT": "the placeholder name of an unnamed unit",
  "src/importing/report/complete-report.ts:UNKNOWN_YEAR": "the placeholder of an unstated year",
  "src/importing/tables/pasted-tables.ts:readTablesFromRows": "reading tables from rows a Word file gives",
  "src/rendering/docx-table.ts:tableLayout": "column widths of a Word table",
  "src/rendering/docx-widths.ts:unbreakableWidth": "the width a cell cannot wrap below",
  "src/rendering/indicator-rows.ts:actualText": "how an indicator's actual value is printed",
  "src/rendering/png-size.ts:PNG_SIGNATURE": "the PNG magic bytes the chart test checks",
  "src/rendering/score-chart.ts:barGeometry": "the chart's bar sizes, computed by hand in the test",
  "src/rendering/score-chart.ts:CHART_FONTS": "the fonts the chart names",
  "src/scoring/indicator-rule.ts:IndicatorRuleInput": "a rule as a scheme file writes it",
};
