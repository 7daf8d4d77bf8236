import pg from "pg";
import { describe, expect, it } from "vitest";
import { StorageError } from "../../src/storage/index.ts";
import { integerCopyText } from "../../src/storage/postgres/copy-text.ts";
import { PgSession } from "../../src/storage/postgres/pg-session.ts";
import { usePostgres } from "./pg-test-db.ts";

/** COPY … FROM STDIN of integer rows: the text sent, and PgSession.copyIn on a throw-away server. */

const postgres = usePostgres();

describe("integerCopyText", () => {
  it("writes tab-separated lines, \\N for null, a chunk per `perChunk` rows", () => {
    const rows = [
      [1, -2, 3],
      [4, null, 6],
      [7, 8, 2_147_483_647],
    ];
    expect([...integerCopyText(rows, "t", 2)]).toEqual(["1\t-2\t3\n4\t\\N\t6\n", "7\t8\t2147483647\n"]);
    expect([...integerCopyText(rows, "t")]).toEqual(["1\t-2\t3\n4\t\\N\t6\n7\t8\t2147483647\n"]);
    expect([...integerCopyText([], "t")]).toEqual([]);
  });

  it("refuses a value that is not an integer, naming the table", () => {
    for (const bad of ["1\t2", 1.5]) {
      const text = integerCopyText(
        [
          [1, 2, 3],
          [4, bad, 6],
        ],
        "corpus_prints",
      );
      expect(() => [...text]).toThrow(StorageError);
    }
    expect(() => [...integerCopyText([["x"]], "corpus_prints")]).toThrow(
      "表 corpus_prints 中有非整数的值：x，无法用 COPY 复制（这张表的每一列都应是整数）",
    );
  });
});

describe.skipIf(postgres.missing !== undefined)("PgSession.copyIn", () => {
  it("copies in the caller's transaction (rolled back with it) and on a client of its own", async () => {
    const session = new PgSession(new pg.Pool({ connectionString: await postgres.freshUrl(), max: 2 }));
    const rows = async () =>
      (await session.query<{ a: number; b: number | null }>("SELECT a, b FROM t ORDER BY a")).map((r) => [
        r.a,
        r.b,
      ]);
    try {
      await session.query("CREATE TABLE t (a integer PRIMARY KEY, b integer)");
      const sql = "COPY t (a, b) FROM STDIN";
      expect(
        await session.copyIn(
          sql,
          integerCopyText(
            [
              [1, 10],
              [2, null],
            ],
            "t",
          ),
        ),
      ).toBe(2);
      await expect(
        session.transaction(async () => {
          expect(await session.copyIn(sql, integerCopyText([[3, 30]], "t", 1))).toBe(1);
          expect(await rows()).toEqual([
            [1, 10],
            [2, null],
            [3, 30],
          ]);
          throw new Error("回滚");
        }),
      ).rejects.toThrow("回滚");
      // A duplicate key in the stream: nothing of it is copied, and the pool goes on working.
      await expect(
        session.copyIn(
          sql,
          integerCopyText(
            [
              [4, 40],
              [1, 11],
            ],
            "t",
          ),
        ),
      ).rejects.toThrow(/duplicate key/u);
      // A value refused while the text is made: the COPY is abandoned.
      await expect(
        session.copyIn(
          sql,
          integerCopyText(
            [
              [5, 50],
              [6, 6.5],
            ],
            "t",
            1,
          ),
        ),
      ).rejects.toThrow(StorageError);
      expect(await rows()).toEqual([
        [1, 10],
        [2, null],
      ]);
    } finally {
      session.close();
      await session.ended();
    }
  });
});
