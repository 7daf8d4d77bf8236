import { asArray, asObject } from "./draft-access.ts";
import type { Json } from "./patch.ts";

/** The indicator table after a paste, and what the paste did to the rows already saved. */
export interface IndicatorMerge {
  blocks: Json[];
  /** Rows saved before this paste (0 for a first paste). */
  before: number;
  added: string[];
  updated: string[];
  /** Rows saved before that this paste did not name: they stay as they were. */
  kept: number;
}

type Row = { [key: string]: Json };

const key = (name: Json | undefined): string => (typeof name === "string" ? name.replace(/\s+/g, "") : "");
const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

function rowsOf(blocks: readonly Json[]): Row[] {
  return blocks.flatMap((b) =>
    asArray(asObject(b).groups).flatMap((g) => asArray(asObject(g).indicators).map(asObject)),
  );
}

/**
 * Adds a pasted indicator table to the one already saved, as a second paste of a long table means:
 * a row (三级指标) is matched by its name within its 一级指标 — any block when the paste names none —
 * and updated with the pasted cells; a row not saved yet joins its 二级指标 (or a new one, or a new
 * block); rows the paste does not name stay. A first paste is taken as it is.
 */
export function mergeIndicators(saved: Json | undefined, pasted: Json): IndicatorMerge {
  const fresh = asArray(pasted);
  const blocks = asArray(saved).map(clone);
  const before = rowsOf(blocks).length;
  if (before === 0)
    return {
      blocks: fresh,
      before,
      added: rowsOf(fresh).map((r) => String(r.name ?? "")),
      updated: [],
      kept: 0,
    };
  const added: string[] = [];
  const updated: string[] = [];
  const touched = new Set<Row>();
  for (const pastedBlock of fresh.map(asObject)) {
    const named = key(pastedBlock.name) !== "";
    let block = blocks.map(asObject).find((b) => key(b.name) === key(pastedBlock.name));
    if (block !== undefined && pastedBlock.weight !== undefined) block.weight = pastedBlock.weight;
    for (const pastedGroup of asArray(pastedBlock.groups).map(asObject)) {
      for (const row of asArray(pastedGroup.indicators).map(asObject)) {
        const within = named ? (block === undefined ? [] : [block]) : blocks.map(asObject);
        const old = rowsOf(within).find((r) => key(r.name) === key(row.name) && !touched.has(r));
        if (old !== undefined) {
          const next = { ...old, ...row };
          if (JSON.stringify(next) !== JSON.stringify(old)) updated.push(String(row.name ?? ""));
          Object.assign(old, row);
          touched.add(old);
          continue;
        }
        if (block === undefined) {
          const { groups: _groups, ...head } = pastedBlock;
          block = { ...head, groups: [] };
          blocks.push(block);
        }
        const groups = asArray(block.groups);
        let group = groups.map(asObject).find((g) => key(g.name) === key(pastedGroup.name));
        if (group === undefined) {
          const { indicators: _rows, ...head } = pastedGroup;
          group = { ...head, indicators: [] };
          block.groups = [...groups, group];
        }
        const copy = { ...row };
        group.indicators = [...asArray(group.indicators), copy];
        touched.add(copy);
        added.push(String(row.name ?? ""));
      }
    }
  }
  return { blocks, before, added, updated, kept: before - (touched.size - added.length) };
}
