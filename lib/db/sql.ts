import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pool } from "./client";

// Plain SQL on the pool Prisma uses, for the paths that run on every signed-in request or autosave (the session
// read, the form's data, the save). Through Prisma each statement costs ~0.3 ms of CPU more and an
// interactive transaction ~0.9 ms more than through pg (measured in-process, docs/performance.md "Filing season"),
// and these paths run a handful of statements each, hundreds of times a second in the filing season.
//
// Results as pg gives them: int4 as number, numeric and int8 as text (select what you need as such), timestamps
// are best selected as text or compared in SQL (the columns hold UTC without a time zone).

/** What both a pg client and a Prisma transaction can do, so that shared helpers run inside either. */
export interface Sql {
  query<T>(text: string, values?: unknown[]): Promise<T[]>;
}

/** Statements on the pool (each its own transaction). */
export function sql(): Sql {
  const p = pool();
  return { query: async <T>(text: string, values: unknown[] = []) => (await p.query(text, values)).rows as T[] };
}

/** A Prisma transaction as an Sql (for helpers shared with ORM transactions). */
export function prismaSql(tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">): Sql {
  return { query: <T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values) };
}

/** SQL for a timestamp column (UTC, no time zone) as an ISO 8601 string with milliseconds, as Date.toISOString. */
export const ISO_UTC = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
