import { describe } from "vitest";
import { corpusStore } from "../../src/app/copy-corpus.ts";
import { DeliveryJobs, openDatabase, Store } from "../../src/storage/index.ts";
import { LlmCallLog } from "../../src/storage/llm-call-log.ts";
import { exportReportArchive, importReportArchive } from "../../src/storage/report-archive.ts";
import { repositorySuite } from "./repository-suite.ts";

describe("the repositories on SQLite", () => {
  repositorySuite(async () => {
    const db = openDatabase(":memory:");
    return {
      store: new Store(db),
      jobs: new DeliveryJobs(db),
      log: new LlmCallLog(db),
      corpus: corpusStore(db),
      archives: {
        export: (id, now) => exportReportArchive(db, id, now),
        import: (archive, now) => importReportArchive(db, archive, now),
      },
      close: async () => {
        db.close();
      },
    };
  });
});
