import { describe } from "vitest";
import { openPostgres } from "../../src/storage/postgres/open-postgres.ts";
import { usePostgres } from "./pg-test-db.ts";
import { repositorySuite } from "./repository-suite.ts";

const pg = usePostgres();

describe.skipIf(pg.missing !== undefined)("the repositories on PostgreSQL", () => {
  repositorySuite(async () => {
    const repos = await openPostgres(await pg.freshUrl());
    return {
      ...repos,
      close: async () => {
        repos.close();
        await repos.session.ended();
      },
    };
  });
});
