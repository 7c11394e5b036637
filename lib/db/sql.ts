import "server-only";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pool } from "./client";

// Plain SQL on the pool Prisma uses, for the paths that run on every signed-in request or autosave (the session
// read, the form's data, the save's transaction). Through Prisma each statement costs ~0.3 ms of CPU more and an
// interactive transaction ~0.9 ms more than through pg (measured in-process, docs/performance.md "Filing season"),
// and these paths run a handful of statements each, hundreds of times a second in the filing season.
//
// Results as pg gives them: int4 as number, numeric and int8 as text (select what you need as such), timestamps
// are best selected as text or compared in SQL (the columns hold UTC without a time zone).

/** What both a pg client and a Prisma transaction can do, so that shared helpers run inside either. */
export interface Sql {
  query<T>(text: string, values?: unknown[]): Promise<T[]>;
}

function over(q: pg.Pool | pg.PoolClient): Sql {
  return { query: async <T>(text: string, values: unknown[] = []) => (await q.query(text, values)).rows as T[] };
}

/** Statements outside a transaction. */
export function sql(): Sql {
  return over(pool());
}

/** A Prisma transaction as an Sql (for helpers shared with ORM transactions). */
export function prismaSql(tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">): Sql {
  return { query: <T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values) };
}

/** Runs `fn` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await fn(over(client));
    await client.query("COMMIT");
    return result;
  } catch (e) {
    try {
      await client.query("ROLLBACK");
    } catch {
      broken = true; // the connection is gone: do not give it back to the pool
    }
    throw e;
  } finally {
    client.release(broken);
  }
}

/** SQL for a timestamp column (UTC, no time zone) as an ISO 8601 string with milliseconds, as Date.toISOString. */
export const ISO_UTC = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
