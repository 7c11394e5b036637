// Writing a revision's cells: all leaf and derived cells in one multi-row insert, derived ones computed here by
// the format engine (a total is never taken from the client).
import { Prisma } from "@/lib/generated/prisma/client";
import { allKeys, computeDerived, type CellMap, type FormatVersion } from "@/lib/format";

type Tx = Prisma.TransactionClient;

export function completeCells(version: FormatVersion, leaves: CellMap): CellMap {
  return computeDerived(version, leaves);
}

export async function replaceCells(tx: Tx, revisionId: number, version: FormatVersion, leaves: CellMap): Promise<CellMap> {
  const cells = completeCells(version, leaves);
  await tx.cell.deleteMany({ where: { revisionId } });
  await tx.cell.createMany({
    data: allKeys(version).map((key) => ({
      revisionId,
      key,
      value: cells[key] === null || cells[key] === undefined ? null : new Prisma.Decimal(String(cells[key])),
    })),
  });
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
