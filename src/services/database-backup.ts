/**
 * Backing up and restoring the deployment's database file as a whole (`ziping backup`, `ziping
 * restore`): file operations on SQLite, not a repository, so they are defined with the storage and
 * reached by channels through here.
 */
export { backupDatabase, describeCounts, inspectDatabase, restoreDatabase } from "../storage/backup.ts";
