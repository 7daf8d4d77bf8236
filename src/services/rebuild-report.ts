import { applyChanges, type Change, type Json } from "../conversation/patch.ts";

/** Rebuilds a report document by replaying its event log from the start (create, answers, undos). */
export function rebuildReport(events: ReadonlyArray<{ changes: unknown }>): Json {
  let doc: Json = {};
  for (const event of events) doc = applyChanges(doc, event.changes as Change[]);
  return doc;
}
