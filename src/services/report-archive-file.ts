/**
 * Reading a whole-report export (`ziping export --with-events`) before it is loaded: the schema
 * lives with the storage that writes it; channels reach it through here, never storage itself.
 */
export { type ReportArchive, readReportArchive } from "../storage/report-archive.ts";
