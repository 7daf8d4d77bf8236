import { compactName, isBlankMark, labelKey, splitWeight } from "../grid/cell-text.ts";
import type { GridRow } from "../grid/text-grid.ts";
import { levelName } from "../grid/traditional-chars.ts";
import type { BlockFragment, GroupFragment, IndicatorFragment } from "../report/report-fragment.ts";
import { readIndicatorValue, readPoints } from "./cell-values.ts";
import { alignIndicatorRow, type IndicatorColumns, isBlockName } from "./indicator-columns.ts";
import { isLevelName, usedWidth } from "./indicator-row-fit.ts";
import { isBareComparator, readTargetCells } from "./indicator-target.ts";
import { readTotalRow } from "./summary-table.ts";
import type { ReadContext, TableReader } from "./table-reading.ts";

/** The 偏差原因 / 改进措施 rows under the table ("偏差大或目标未完成原因分析 | 无"): the table has ended. */
const CLOSING_LABEL = /原因分析|改进措施|结果应用/;

function isClosingRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  return filled.length <= 2 && CLOSING_LABEL.test(compactName(filled[0] ?? "").replace(/\s+/g, ""));
}

/**
 * Reads the rows of an indicator table into blocks (一级指标), groups (二级指标) and indicators
 * (三级指标). A blank 一级/二级 cell continues the block or group above (merged cells); a block or
 * group repeated after a page break continues too. "(20分)" after a name is its weight. A 总分 /
 * 合计 row gives `summary.totalRow`. Without a 一级 (or 二级) column the block (or group) has no name.
 * A row of level names only starts a block or group; a "其中" sub-row without its own 分值/得分 is
 * listed, not read; a 偏差原因 / 改进措施 row ends the table; a comparator alone in 指标方向 is the
 * target's. A 评分标准 / 评价标准 cell is kept verbatim as the row's `criterion` (scored by
 * src/scoring/criterion/ when the report is scored). Rows whose cells do not stand under their headings are placed in indicator-row-fit.ts.
 */
export class IndicatorTable implements TableReader {
  readonly kind = "indicators";
  readonly width: number;
  private block: BlockFragment | null = null;
  private group: GroupFragment | null = null;
  private readonly started: BlockFragment[] = [];

  constructor(
    readonly headerLine: number,
    private readonly cols: IndicatorColumns,
    private readonly ctx: ReadContext,
  ) {
    this.width = cols.width;
  }

  read(row: GridRow, cells: readonly string[]): boolean {
    if (readTotalRow(row, cells, this.ctx)) return true;
    if (isClosingRow(cells)) return false;
    const first = compactName(cells.find((c) => c !== "") ?? "");
    if (first.startsWith("其中") && cells.filter((c) => c !== "").length <= 3) {
      this.ctx.unread(row, `第${row.line}行“${first}”是上一指标的“其中”分项，不单独作为指标读取`, "detail");
      return true;
    }
    if (this.readLevelRow(row, cells)) return true;
    if (this.readRunTogether(row, cells)) return true;
    const aligned = alignIndicatorRow(cells, this.cols, this.block !== null);
    if ("problem" in aligned) {
      this.ctx.unread(row, `第${row.line}行${aligned.problem}`);
      return true;
    }
    const at = (index: number | undefined): string =>
      index === undefined ? "" : (aligned.cells[index] ?? "");
    const heading = (index: number | undefined, fallback: string): string =>
      index === undefined ? fallback : (this.cols.headings[index] ?? fallback);
    this.enterBlock(at(this.cols.block), at(this.cols.blockWeight), row);
    this.enterGroup(at(this.cols.group), at(this.cols.groupWeight), row);
    const { name, weight: nameWeight } = splitWeight(
      compactName(at(aligned.nameFromGroup ? this.cols.group : this.cols.name)),
    );
    const data = [this.cols.target, this.cols.unit, this.cols.actual, this.cols.weight, this.cols.score].map(
      at,
    );
    if (name === "") {
      if (data.some((d) => d !== "")) this.ctx.unread(row, `第${row.line}行“三级指标”为空，未读取`);
      return true;
    }
    const adjusted = at(this.cols.adjustedTarget);
    const indicator: IndicatorFragment = {
      name,
      ...readTargetCells(
        this.targetText(adjusted === "" ? at(this.cols.target) : adjusted, at),
        at(this.cols.unit),
        {
          line: row.line,
          targetColumn: heading(this.cols.target, "指标值"),
          unitColumn: heading(this.cols.unit, "度量单位"),
          unread: (reason) => this.ctx.unread(row, reason),
        },
      ),
    };
    const criterion = at(this.cols.criterion);
    if (criterion !== "" && !isBlankMark(criterion)) indicator.criterion = criterion;
    this.notModelled(row, name, ["explanation"], at);
    const actual = at(this.cols.actual);
    const actualRead = readIndicatorValue(actual, {
      line: row.line,
      column: heading(this.cols.actual, "实际完成值"),
    });
    if (!actualRead.ok) this.ctx.unread(row, actualRead.reason);
    if (!actualRead.ok || actualRead.value !== undefined) indicator.actual = actual;
    const weight = this.points(row, this.cols.weight, at(this.cols.weight));
    if (weight !== undefined) indicator.weight = weight;
    else if (at(this.cols.weight) === "" && nameWeight !== undefined) indicator.weight = nameWeight;
    const score = this.points(row, this.cols.score, at(this.cols.score));
    if (score !== undefined) indicator.score = score;
    const reason = at(this.cols.reason);
    if (reason !== "") indicator.deviationReason = reason;
    this.group?.indicators?.push(indicator);
    this.ctx.hit("indicators", row);
    return true;
  }

  /**
   * Without a 分值 column, a group's only indicator carries the group's weight ("经济效益指标（10）");
   * blocks and groups left without indicators are dropped.
   */
  close(): void {
    this.nameLeadingBlocks();
    this.nameLeadingGroups();
    for (const block of this.started) {
      for (const group of block.groups ?? []) {
        const only = group.indicators?.length === 1 ? group.indicators[0] : undefined;
        if (this.cols.weight === undefined && only !== undefined && only.weight === undefined) {
          if (group.weight !== undefined) only.weight = group.weight;
        }
      }
      block.groups = (block.groups ?? []).filter((g) => (g.indicators ?? []).length > 0);
    }
    const all = this.ctx.fragment.value.indicators ?? [];
    const kept = all.filter((b) => !this.started.includes(b) || (b.groups ?? []).length > 0);
    if (kept.length > 0) this.ctx.fragment.value.indicators = kept;
    else delete this.ctx.fragment.value.indicators;
  }

  /**
   * The target with the comparator a 指标方向 (or 指标性质) column gives on its own: "大于等于" and
   * "1" is "大于等于1", "﹦" and "100" is "﹦100". A target that has its own comparator keeps it.
   */
  private targetText(target: string, at: (index: number | undefined) => string): string {
    const comparator = [at(this.cols.direction), at(this.cols.nature)].find(isBareComparator);
    if (
      comparator === undefined ||
      target === "" ||
      isBlankMark(target) ||
      /^[^\d]*[≥≤<>=＝﹦≧≦]|^[大小不]/.test(target)
    )
      return target;
    return `${comparator.trim()}${target}`;
  }

  /**
   * A flattened web page row that holds two rows because the `||||` line between them was lost (it is
   * longer than the heading row): the first is as wide as the heading row, the rest is read as a row
   * of its own. Each part is placed, or left unread, as any row.
   */
  private readRunTogether(row: GridRow, cells: readonly string[]): boolean {
    const width = usedWidth(this.cols);
    let used = cells.length;
    while (used > 0 && cells[used - 1] === "") used--;
    if (row.mergedCellsOmitted !== true || used <= width) return false;
    this.read(row, cells.slice(0, width));
    this.read(row, cells.slice(width));
    return true;
  }

  /**
   * A row of level names only ("效 益 指 标 (30分) | 经济效益 指标", "质量指标"), wherever its cells
   * stand: a block and a group, or one of them (by its column, else a block when it can only be one).
   */
  private readLevelRow(row: GridRow, cells: readonly string[]): boolean {
    // A heading repeated in the row ("绩效指标", the label of a merged cell left of the table) names
    // no level.
    const headings = new Set(this.cols.headings.map(labelKey));
    const filled = cells.flatMap((text, index) =>
      text === "" || headings.has(labelKey(text)) ? [] : [{ text, index }],
    );
    if (filled.length > 2 || !filled.every((f) => isLevelName(f.text))) return false;
    if (filled.length === 0) return cells.some((c) => c !== "");
    const [first, second] = filled;
    if (first === undefined) return true;
    const asBlock =
      second !== undefined ||
      first.index === this.cols.block ||
      (first.index !== this.cols.group && isBlockName(first.text));
    if (asBlock) {
      this.enterBlock(first.text, "", row);
      if (second !== undefined) this.enterGroup(second.text, "", row);
    } else {
      if (this.block === null) this.startBlock({ groups: [] });
      this.enterGroup(first.text, "", row);
    }
    return true;
  }

  private points(row: GridRow, column: number | undefined, text: string): number | undefined {
    if (isBlankMark(text) || column === undefined) return undefined;
    const read = readPoints(text, { line: row.line, column: this.cols.headings[column] ?? "" });
    if (read.ok) return read.value;
    this.ctx.unread(row, read.reason);
    return undefined;
  }

  /**
   * Rows above the first named 一级指标 whose 一级 cell is blank belong to that block: a merged cell
   * exported with its text in a lower row. Only when the table has a 一级指标 column; with nothing
   * named below they stay without a name (the checks call that block 表中未列一级指标).
   */
  private nameLeadingBlocks(): void {
    if (this.cols.block === undefined) return;
    const [first, second] = this.started;
    if (first === undefined || second === undefined || first.name !== undefined || second.name === undefined)
      return;
    second.groups = [...(first.groups ?? []), ...(second.groups ?? [])];
    first.groups = [];
  }

  /**
   * A block named in a lower row of its merged cell ("产出指标" beside its second row, the 二级 cell
   * there blank): after the rows above join it, that row goes on with their 二级指标 rather than
   * starting a nameless one.
   */
  private nameLeadingGroups(): void {
    if (this.cols.group === undefined) return;
    for (const block of this.started) {
      const groups = block.groups ?? [];
      for (const [at, group] of groups.entries()) {
        const above = at > 0 ? groups[at - 1] : undefined;
        if (group.name !== undefined || group.weight !== undefined || above?.name === undefined) continue;
        above.indicators = [...(above.indicators ?? []), ...(group.indicators ?? [])];
        group.indicators = [];
      }
    }
  }

  private enterBlock(text: string, weightText: string, row: GridRow): void {
    if (text === "") {
      if (this.block === null) this.startBlock({ groups: [] });
      return;
    }
    const { name: written, weight } = splitWeight(compactName(text));
    const name = levelName(written);
    if (this.block?.name === name) return;
    const block: BlockFragment = { name };
    const stated = weightText === "" ? weight : this.points(row, this.cols.blockWeight, weightText);
    if (stated !== undefined) block.weight = stated;
    block.groups = [];
    this.startBlock(block);
  }

  private startBlock(block: BlockFragment): void {
    this.ctx.fragment.blocks().push(block);
    this.started.push(block);
    this.block = block;
    this.group = null;
  }

  /** Text columns the report model has no place for (指标说明): listed, not lost. */
  private notModelled(
    row: GridRow,
    name: string,
    roles: ReadonlyArray<"explanation">,
    at: (index: number | undefined) => string,
  ): void {
    for (const role of roles) {
      const text = at(this.cols[role]);
      const heading = this.cols.headings[this.cols[role] ?? -1] ?? "";
      if (text !== "") {
        this.ctx.unread(
          row,
          `第${row.line}行指标“${name}”的“${heading}”（${text}）报告模型中没有对应的位置，未读取`,
        );
      }
    }
  }

  private enterGroup(text: string, weightText: string, row: GridRow): void {
    if (text === "" && this.group !== null) return;
    const { name: written, weight } = splitWeight(compactName(text));
    const name = levelName(written);
    if (text !== "" && this.group?.name === name) return;
    const group: GroupFragment = text === "" ? {} : { name };
    const stated = weightText === "" ? weight : this.points(row, this.cols.groupWeight, weightText);
    if (stated !== undefined) group.weight = stated;
    group.indicators = [];
    this.block?.groups?.push(group);
    this.group = group;
  }
}
