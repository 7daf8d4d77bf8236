/** SQLite storage: open and migrate the database, and the {@link Store} over it. */

export { type DeliveryJob, DeliveryJobs } from "./delivery-jobs.ts";
export { Leases } from "./leases.ts";
export { LATEST_VERSION, MIGRATIONS, type Migration, migrate, schemaVersion } from "./migrations.ts";
export { type Database, openDatabase } from "./open-database.ts";
export type {
  CorpusRepository,
  DeliveryJobRepository,
  JobCounts,
  LeaseRepository,
  LeaseRow,
  LlmCallRepository,
  ReportArchiveRepository,
  ReportRepository,
} from "./repositories.ts";
export type {
  ConversationRow,
  EventRow,
  ProcessedMessageRow,
  ReportRow,
  UnitMemberRow,
  UnitMembershipRow,
} from "./row-schemas.ts";
export { StorageError } from "./storage-error.ts";
export { Store } from "./store.ts";
export type {
  ConversationSave,
  MemberRole,
  NewEvent,
  NewReport,
  ProcessedMessageRecord,
  ReportUpdate,
  UnitRole,
} from "./store-inputs.ts";
