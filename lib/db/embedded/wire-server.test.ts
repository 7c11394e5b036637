import { describe, it, expect } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { startWireServer } from "./wire-server";

describe("PGlite wire server", () => {
  it("keeps concurrent clients' statements and transactions apart", async () => {
    const db = await PGlite.create();
    const server = await startWireServer(db);
    const url = `postgres://postgres@127.0.0.1:${server.port}/postgres`;
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: url, max: 6 }));
    try {
      await pools[0].query("CREATE TABLE t (id int PRIMARY KEY, v text)");
      const wrong: string[] = [];
      await Promise.all(
        Array.from({ length: 900 }, async (_, i) => {
          const p = pools[i % 3];
          if (i % 3 === 0) {
            const r = await p.query("SELECT $1::int + 1 AS x", [i]);
            if (r.rows[0]?.x !== i + 1) wrong.push(`select ${i}`);
          } else if (i % 3 === 1) {
            const r = await p.query("SELECT $1::text || 'z' AS y", [String(i)]);
            if (r.rows[0]?.y !== `${i}z`) wrong.push(`concat ${i}`);
          } else {
            const c = await p.connect();
            try {
              await c.query("BEGIN");
              await c.query("INSERT INTO t VALUES ($1, $2)", [i, `v${i}`]);
              const r = await c.query("SELECT v FROM t WHERE id = $1", [i]);
              if (r.rows[0]?.v !== `v${i}`) wrong.push(`tx ${i}`);
              if (i % 4 === 0) await c.query("ROLLBACK");
              else await c.query("COMMIT");
            } finally {
              c.release();
            }
          }
        }),
      );
      expect(wrong).toEqual([]);
      const committed = Array.from({ length: 900 }, (_, i) => i).filter((i) => i % 3 === 2 && i % 4 !== 0).length;
      const r = await pools[0].query("SELECT count(*)::int AS n FROM t");
      expect(r.rows[0].n).toBe(committed);
    } finally {
      for (const p of pools) await p.end();
      await server.stop();
      await db.close();
    }
  }, 60_000);

  it("rolls back a transaction left open by a client that disconnects", async () => {
    const db = await PGlite.create();
    const server = await startWireServer(db);
    const url = `postgres://postgres@127.0.0.1:${server.port}/postgres`;
    try {
      const a = new pg.Client({ connectionString: url });
      a.on("error", () => {});
      await a.connect();
      await a.query("CREATE TABLE u (v int)");
      await a.query("BEGIN");
      await a.query("INSERT INTO u VALUES (1)");
      a.connection.stream.destroy();
      const b = new pg.Client({ connectionString: url });
      await b.connect();
      const r = await b.query("SELECT count(*)::int AS n FROM u");
      expect(r.rows[0].n).toBe(0);
      await b.end();
    } finally {
      await server.stop();
      await db.close();
    }
  }, 30_000);
});
