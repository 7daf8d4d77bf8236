import type { GridRow } from "../grid/text-grid.ts";
import type {
  BlockFragment,
  ReportFragment,
  SummaryRowFragment,
  TaskFragment,
} from "../report/report-fragment.ts";

type Node = Record<string, unknown>;

function show(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

/**
 * Builds a `ReportFragment` from the values the readers find. A field is written once: when a later
 * row states a different value, the first is kept and the later one is reported, never merged.
 */
export class FragmentBuilder {
  /** The fragment built so far. */
  readonly value: ReportFragment = {};
  private readonly origins = new Map<string, number>();

  constructor(private readonly onConflict: (row: GridRow, reason: string) => void) {}

  /**
   * Sets the field at a dotted path ("budget.sources.fiscal.initial"), creating the objects on the
   * way. Returns false when another value was read earlier (the conflict is reported).
   */
  set(path: string, value: string | number | object, row: GridRow, label: string): boolean {
    const keys = path.split(".");
    const last = keys.pop() ?? path;
    let node = this.value as Node;
    for (const key of keys) {
      const next = node[key];
      if (typeof next === "object" && next !== null) {
        node = next as Node;
      } else {
        const created: Node = {};
        node[key] = created;
        node = created;
      }
    }
    const previous = node[last];
    if (previous === undefined) {
      node[last] = value;
      this.origins.set(path, row.line);
      return true;
    }
    if (JSON.stringify(previous) === JSON.stringify(value)) return true;
    const first = this.origins.get(path) ?? row.line;
    this.onConflict(
      row,
      `第${row.line}行的${label}“${show(value)}”与第${first}行读到的“${show(previous)}”不一致，保留第${first}行的值`,
    );
    return false;
  }

  /** The 年度主要任务 list, created on first use. */
  tasks(): TaskFragment[] {
    this.value.tasks ??= [];
    return this.value.tasks;
  }

  /** The indicator blocks, created on first use. */
  blocks(): BlockFragment[] {
    this.value.indicators ??= [];
    return this.value.indicators;
  }

  /** The rows of the 各项指标得分情况表, created on first use. */
  summaryBlocks(): SummaryRowFragment[] {
    this.value.summary ??= {};
    this.value.summary.blocks ??= [];
    return this.value.summary.blocks;
  }
}
