// Reading and writing a revision's cells: derived ones computed here by the format engine (a total is never taken
// from the client); a new revision's cells in one multi-row insert (a save's changes: SAVE_DRAFT_SQL in reports.ts).
// Plain SQL with the values as arrays: one statement however many cells, and no per-row ORM objects
// (docs/performance.md, "Filing season").
import type { Prisma } from "@/lib/generated/prisma/client";
import { allKeys, computeDerived, type CellMap, type FormatVersion } from "@/lib/format";
import type { Sql } from "./sql";

export function completeCells(version: FormatVersion, leaves: CellMap): CellMap {
  return computeDerived(version, leaves);
}

export async function replaceCells(tx: Sql, revisionId: number, version: FormatVersion, leaves: CellMap): Promise<CellMap> {
  const cells = completeCells(version, leaves);
  const keys = allKeys(version);
  await tx.query(`DELETE FROM "Cell" WHERE "revisionId" = $1`, [revisionId]);
  await insertCells(tx, revisionId, keys, keys.map((k) => numericText(cells[k])));
  return cells;
}

export function cellsFromRows(rows: { key: string; value: Prisma.Decimal | null }[]): CellMap {
  const cells: CellMap = {};
  for (const r of rows) cells[r.key] = r.value === null ? null : Number(r.value.toString());
  return cells;
}

/**
 * A revision's stored cells as numbers. Raw SQL rather than the ORM: a save reads all ~200 cells, and mapping each
 * row to a Prisma.Decimal and back cost more CPU than the rest of the save (bench:filing).
 */
export async function readCells(tx: Sql, revisionId: number): Promise<CellMap> {
  const rows = await tx.query<{ key: string; value: string | null }>(`SELECT key, value::text AS value FROM "Cell" WHERE "revisionId" = $1`, [revisionId]);
  const cells: CellMap = {};
  for (const r of rows) cells[r.key] = r.value === null ? null : Number(r.value);
  return cells;
}

/** A cell's value as numeric text for SQL (a JS number's shortest exact form, which numeric parses, "1e-7" included). */
export function numericText(v: number | null | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** One multi-row insert, the values passed as two arrays (one statement and two parameters however many cells). */
async function insertCells(tx: Sql, revisionId: number, keys: readonly string[], values: (string | null)[]): Promise<void> {
  await tx.query(
    `INSERT INTO "Cell" ("revisionId", key, value)
     SELECT $1::int, u.key, u.value::numeric FROM unnest($2::text[], $3::text[]) AS u(key, value)`,
    [revisionId, keys, values],
  );
}
