import type { CorpusView, PrintRow, SourceDocument } from "../../../src/checks/copy/copy-search.ts";
import { boilerplateHashes, documentPrints } from "../../../src/checks/copy/corpus-prints.ts";

/**
 * A corpus held in memory, with the same behaviour as the SQLite `CorpusStore`: for tests, scripts
 * and one-off comparisons of a few reports.
 */
export class MemoryCorpus implements CorpusView {
  readonly #docs = new Map<number, SourceDocument>();
  readonly #prints = new Map<number, PrintRow[]>();
  #boilerplate = new Set<number>();

  get documentCount(): number {
    return this.#docs.size;
  }

  /** Adds a document (ids 1, 2, 3, … in order of adding) and returns its id. */
  add(doc: Omit<SourceDocument, "id" | "year" | "title"> & { year?: number; title?: string }): number {
    const id = this.#docs.size + 1;
    this.#docs.set(id, {
      id,
      agency: doc.agency,
      year: doc.year ?? null,
      title: doc.title ?? null,
      text: doc.text,
    });
    for (const fp of documentPrints(doc.text)) {
      const rows = this.#prints.get(fp.hash) ?? [];
      rows.push({ docId: id, pos: fp.pos });
      this.#prints.set(fp.hash, rows);
    }
    return id;
  }

  /** Replaces the boilerplate list. */
  setBoilerplate(texts: readonly string[]): void {
    this.#boilerplate = boilerplateHashes(texts);
  }

  isBoilerplate(hash: number): boolean {
    return this.#boilerplate.has(hash);
  }

  prints(hash: number, limit: number): PrintRow[] {
    return (this.#prints.get(hash) ?? []).slice(0, limit);
  }

  agency(id: number): string | undefined {
    return this.#docs.get(id)?.agency;
  }

  document(id: number): SourceDocument | undefined {
    return this.#docs.get(id);
  }
}
