import { describe } from "vitest";
import { openPostgres } from "../../src/storage/postgres/open-postgres.ts";
import { usePostgres } from "./pg-test-db.ts";
import { repositorySuite } from "./repository-suite.ts";

const pg = usePostgres();

describe.skipIf(pg.missing !== undefined)("the repositories on PostgreSQL", () => {
  repositorySuite(async () => {
    const url = await pg.freshUrl();
    const repos = await openPostgres(url);
    return {
      ...repos,
      twin: async () => {
        const second = await openPostgres(url);
        return {
          ...second,
          close: async () => {
            second.close();
            await second.session.ended();
          },
        };
      },
      close: async () => {
        repos.close();
        await repos.session.ended();
      },
    };
  });
});
