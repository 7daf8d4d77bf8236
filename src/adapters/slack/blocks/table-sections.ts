import type { types } from "@slack/bolt";
import { renderTable } from "../../../rendering/text-table.ts";
import { section } from "./block-kit.ts";
import { escapeMrkdwn, MAX_SECTION_CHARS } from "./mrkdwn.ts";

/**
 * A table as sections: the bold title, then the rows aligned in a code block (Slack shows code in a
 * fixed-width font, as the terminal does). A table too long for one section continues in the next,
 * titled （续） and with the header row repeated.
 */
export function tableSections(
  title: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  max = MAX_SECTION_CHARS,
): types.SectionBlock[] {
  const [, head = "", rule = "", ...body] = renderTable(title, columns, rows).split("\n").map(escapeMrkdwn);
  const wrap = (part: number, lines: readonly string[]) =>
    `*${escapeMrkdwn(title)}${part === 0 ? "" : "（续）"}*\n\`\`\`\n${[head, rule, ...lines].join("\n")}\n\`\`\``;
  const sections: types.SectionBlock[] = [];
  let current: string[] = [];
  let length = wrap(0, []).length;
  for (const line of body) {
    if (current.length > 0 && length + 1 + line.length > max) {
      sections.push(section(wrap(sections.length, current)));
      current = [];
      length = wrap(sections.length, []).length;
    }
    current.push(line);
    length += 1 + line.length;
  }
  sections.push(section(wrap(sections.length, current)));
  return sections;
}
