import "server-only";
import type { CellMap } from "@/lib/format";
import { db } from "../client";

/** A revision's cells as the format engine reads them (blank stays null). Decimal(20,4) values fit a JS number
 * exactly in the ranges the format allows (counts ≤ 1e12, money with ≤ 15 significant digits). */
export async function getRevisionCells(revisionId: number): Promise<CellMap> {
  const rows = await db().cell.findMany({ where: { revisionId }, select: { key: true, value: true } });
  const cells: CellMap = {};
  for (const r of rows) cells[r.key] = r.value === null ? null : Number(r.value.toString());
  return cells;
}
