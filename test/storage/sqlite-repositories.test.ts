import { join } from "node:path";
import { describe } from "vitest";
import { corpusStore } from "../../src/app/copy-corpus.ts";
import { DeliveryJobs, Leases, openDatabase, Store } from "../../src/storage/index.ts";
import { LlmCallLog } from "../../src/storage/llm-call-log.ts";
import { exportReportArchive, importReportArchive } from "../../src/storage/report-archive.ts";
import { repositorySuite } from "./repository-suite.ts";
import { tempDir } from "./temp-db.ts";

describe("the repositories on SQLite", () => {
  repositorySuite(async () => {
    // A file, so the twin is a second connection and claims contend for the file's write lock.
    const { dir, cleanup } = tempDir();
    const path = join(dir, "suite.db");
    const db = openDatabase(path);
    return {
      store: new Store(db),
      jobs: new DeliveryJobs(db),
      log: new LlmCallLog(db),
      corpus: corpusStore(db),
      archives: {
        export: (id, now) => exportReportArchive(db, id, now),
        import: (archive, now) => importReportArchive(db, archive, now),
      },
      leases: new Leases(db),
      twin: async () => {
        const second = openDatabase(path);
        return {
          jobs: new DeliveryJobs(second),
          leases: new Leases(second),
          close: async () => {
            second.close();
          },
        };
      },
      close: async () => {
        db.close();
        cleanup();
      },
    };
  });
});
