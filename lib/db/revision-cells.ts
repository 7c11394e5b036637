// Writing a revision's cells: derived ones computed here by the format engine (a total is never taken from the
// client); a new revision's cells in one multi-row insert, a save's by updating only the cells that changed. Plain SQL
// with the values as arrays: one statement however many cells, and no per-row ORM objects (docs/performance.md,
// "Filing season").
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

/** Which cells differ, with their old and new values — for the audit trail and the conflict dialog. */
export function diffCells(before: CellMap, after: CellMap): Record<string, [number | null, number | null]> {
  const out: Record<string, [number | null, number | null]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (a !== b) out[key] = [a, b];
  }
  return out;
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

/**
 * Makes the revision's cells the complete set for `leaves` (derived cells computed here), given what is `stored`:
 * only rows whose value changed are written, missing ones inserted, stray ones removed. An autosave changes a few
 * cells of ~200, and each written row also costs the RevisionValues trigger and the table's bloat. Returns the
 * complete cells.
 */
export async function writeChangedCells(tx: Sql, revisionId: number, version: FormatVersion, leaves: CellMap, stored: CellMap): Promise<CellMap> {
  const cells = completeCells(version, leaves);
  const keys = allKeys(version);
  const wanted = new Set(keys);
  const value = (k: string) => numericText(cells[k]);
  const changed = keys.filter((k) => k in stored && (stored[k] ?? null) !== (cells[k] ?? null));
  const missing = keys.filter((k) => !(k in stored));
  const stray = Object.keys(stored).filter((k) => !wanted.has(k));
  if (changed.length > 0) {
    await tx.query(
      `UPDATE "Cell" c SET value = u.value::numeric
       FROM unnest($2::text[], $3::text[]) AS u(key, value)
       WHERE c."revisionId" = $1 AND c.key = u.key`,
      [revisionId, changed, changed.map(value)],
    );
  }
  if (missing.length > 0) await insertCells(tx, revisionId, missing, missing.map(value));
  if (stray.length > 0) {
    await tx.query(`DELETE FROM "Cell" WHERE "revisionId" = $1 AND key = ANY($2::text[])`, [revisionId, stray]);
  }
  return cells;
}

/** A cell's value as numeric text for SQL (a JS number's shortest exact form, which numeric parses, "1e-7" included). */
function numericText(v: number | null | undefined): string | null {
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
