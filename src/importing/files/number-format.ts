/**
 * Spreadsheet numbers and dates as Excel shows them under their number format: a 自评表 stores
 * 预算执行率 as 0.9566 formatted "0.00%", which the table readers must see as "95.66%", not
 * "0.9566". Covered: General, fixed decimals, thousands separators, percentages, literal text
 * ("0.00\"万元\""), a separate section for negatives, and date/time codes (yyyy, m, d, h, mm, ss,
 * with 年/月/日). Anything else (fractions, scientific notation) falls back to General.
 */

/** Literal text, or the run of digit placeholders ("#,##0.00"). */
type Part = { literal: string } | { core: string };

const CORE = /[0#?.,]/;
const DAY_MS = 86_400_000;
/** Excel's day 0 (serial dates count days from 1899-12-30 in the 1900 date system). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A number as Excel shows it under `format` (a number format code such as "0.00%"). */
export function formatNumber(value: number, format = "General"): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = splitSections(format);
  const negativeSection = value < 0 ? sections[1] : undefined;
  const section = negativeSection ?? sections[0] ?? "General";
  const shown = negativeSection !== undefined ? Math.abs(value) : value;
  const parts = parseSection(section);
  const core = parts.find((p): p is { core: string } => "core" in p)?.core;
  if (core === undefined || !/[0#?]/.test(core)) return general(shown);
  const percents = parts.reduce((n, p) => n + ("literal" in p ? (p.literal.match(/%/g) ?? []).length : 0), 0);
  const scaled = shown * 100 ** percents;
  const [whole = "", fraction = ""] = core.split(".");
  const digits = fraction.replace(/[^0#?]/g, "");
  let text = Math.abs(scaled).toFixed(digits.length);
  const minimum = digits.replace(/[#?]/g, "").length;
  if (digits.length > minimum)
    text = text.replace(new RegExp(`0{0,${digits.length - minimum}}$`), "").replace(/\.$/, "");
  if (whole.includes(",")) text = text.replace(/^\d+/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ","));
  if (!/0/.test(whole)) text = text.replace(/^0(?=\.)/, "");
  const sign =
    scaled < 0 && negativeSection === undefined && Number(text.replace(/[^\d]/g, "")) !== 0 ? "-" : "";
  return sign + parts.map((p) => ("core" in p ? text : p.literal)).join("");
}

/** Excel's General format: integers as they are, other numbers to 10 significant digits. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** The sections of a format code (positive;negative;zero;text), ";" inside quotes kept. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Splits a section into literals and the digit placeholders; colours and locales ([Red], [$-804]) dropped. */
function parseSection(section: string): Part[] {
  const parts: Part[] = [];
  const push = (literal: string): void => {
    const last = parts.at(-1);
    if (last !== undefined && "literal" in last) last.literal += literal;
    else parts.push({ literal });
  };
  let coreSeen = false;
  for (let i = 0; i < section.length; i += 1) {
    const ch = section[i] ?? "";
    if (ch === "[") i = Math.max(i, section.indexOf("]", i));
    else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      push(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      push(section[i + 1] ?? "");
      i += 1;
    } else if (ch === "_" || ch === "*") i += 1;
    else if (CORE.test(ch) && (!coreSeen || "core" in (parts.at(-1) ?? {}))) {
      const last = parts.at(-1);
      if (last !== undefined && "core" in last) last.core += ch;
      else parts.push({ core: ch });
      coreSeen = true;
    } else if (/^General$/i.test(section.slice(i, i + 7))) {
      parts.push({ core: "General" });
      i += 6;
    } else push(ch);
  }
  return parts;
}

/** True when a format code shows a date or a time (so the number is a date serial). */
export function isDateFormat(format: string): boolean {
  const section = (splitSections(format)[0] ?? "").replace(/"[^"]*"|\\.|\[[^\]]*\]|General/gi, "");
  return /[ydhms]/i.test(section);
}

/** The date of an Excel serial number (1900 date system), as exceljs gives dates: wall-clock time in UTC. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH + Math.round(serial * DAY_MS));
}

/** A date (as exceljs gives it: the wall-clock time in UTC) as Excel shows it under `format`. */
export function formatDate(value: Date, format = "yyyy-mm-dd"): string {
  const code = isDateFormat(format) ? (splitSections(format)[0] ?? format) : "yyyy-mm-dd";
  const pad = (n: number): string => String(n).padStart(2, "0");
  const tokens = code.match(/"[^"]*"|\\.|\[[^\]]*\]|y+|m+|d+|h+|s+|AM\/PM|[^"\\[ymdhsa]+|./gi) ?? [];
  let out = "";
  let afterHour = false;
  for (const [index, token] of tokens.entries()) {
    const lower = token.toLowerCase();
    const next =
      tokens
        .slice(index + 1)
        .find((t) => /^[a-z]/i.test(t))
        ?.toLowerCase() ?? "";
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith("\\")) out += token.slice(1);
    else if (token.startsWith("[")) continue;
    else if (lower.startsWith("y"))
      out += lower.length <= 2 ? pad(value.getUTCFullYear() % 100) : value.getUTCFullYear();
    else if (lower.startsWith("d")) out += lower.length >= 2 ? pad(value.getUTCDate()) : value.getUTCDate();
    else if (lower.startsWith("h")) out += lower.length >= 2 ? pad(value.getUTCHours()) : value.getUTCHours();
    else if (lower.startsWith("s")) out += pad(value.getUTCSeconds());
    else if (lower.startsWith("m") && (afterHour || next.startsWith("s"))) out += pad(value.getUTCMinutes());
    else if (lower.startsWith("m"))
      out += lower.length >= 2 ? pad(value.getUTCMonth() + 1) : value.getUTCMonth() + 1;
    else if (lower === "am/pm") out += value.getUTCHours() < 12 ? "AM" : "PM";
    else out += token;
    if (/^[a-z]/i.test(token)) afterHour = lower.startsWith("h");
  }
  return out;
}
