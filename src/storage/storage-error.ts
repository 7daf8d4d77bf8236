/**
 * A failure of the storage layer that is not the user's doing: a database written by a newer
 * ziping, a row that no longer matches its schema, a write to a report that does not exist.
 * These are bugs or broken files, so they are thrown (architecture habit 4); `code` is stable
 * and the message is the Chinese text an operator reads.
 */
export class StorageError extends Error {
  override readonly name = "StorageError";

  constructor(
    /** Stable machine code, e.g. "storage.corrupt_row". */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
