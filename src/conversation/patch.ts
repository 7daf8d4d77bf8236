/**
 * Changes to a report draft as data. Every accepted answer becomes a list of changes; the event log
 * stores them, undo applies their inverse, and a report is rebuilt by replaying them in order.
 */

/** A location inside a JSON document: object keys and array indexes. */
export type Path = readonly (string | number)[];

/** A JSON value as stored in a draft. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Set `path` from `before` to `after`; `undefined` means "absent" (the key is deleted). */
export interface Change {
  path: Path;
  before?: Json;
  after?: Json;
}

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads the value at `path`, or undefined when any step is missing. */
export function getIn(doc: Json | undefined, path: Path): Json | undefined {
  let current: Json | undefined = doc;
  for (const key of path) {
    if (current === undefined || current === null) return undefined;
    if (typeof key === "number") current = Array.isArray(current) ? current[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

function setIn(doc: Json | undefined, path: Path, value: Json | undefined): Json | undefined {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === "number") {
    const array = Array.isArray(doc) ? [...doc] : [];
    const next = setIn(array[key], rest, value);
    if (next === undefined) array.splice(key, 1);
    else array[key] = next;
    return array;
  }
  const object: { [key: string]: Json } = isObject(doc) ? { ...doc } : {};
  const next = setIn(object[key], rest, value);
  if (next === undefined) {
    delete object[key];
    // Removing the last key removes the object it was in: undo leaves no empty shell behind.
    if (Object.keys(object).length === 0) return undefined;
  } else object[key] = next;
  return object;
}

/** Applies changes in order without mutating `doc`. */
export function applyChanges(doc: Json, changes: readonly Change[]): Json {
  let current: Json | undefined = doc;
  for (const change of changes) current = setIn(current, change.path, change.after);
  return current ?? {};
}

/** The changes that undo `changes` (reverse order, before and after swapped). */
export function invertChanges(changes: readonly Change[]): Change[] {
  return [...changes].reverse().map((c) => withValues(c.path, c.after, c.before));
}

/** A change from the current value at `path` to `after`; null when nothing would change. */
export function changeTo(doc: Json, path: Path, after: Json | undefined): Change | null {
  const before = getIn(doc, path);
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  return withValues(path, before, after);
}

function withValues(path: Path, before: Json | undefined, after: Json | undefined): Change {
  const change: Change = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}
