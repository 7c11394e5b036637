import type { CellDef, FormatVersion, TableDef, TableSpec } from "../types";

/** Spec cell key: `<tableId>.<rowKey>.<colKey>`; the reviewLitigation table has one unlabelled row (rowKey ""). */
export function cellKeyOf(tableId: string, rowKey: string, colKey: string): string {
  return [tableId, rowKey, colKey].filter((p) => p !== "").join(".");
}

/** Expands a table spec into its cells, so rows and columns are written once and cells never by hand. */
export function buildTable(version: FormatVersion, spec: TableSpec): TableDef {
  const rows = new Map(spec.rows.map((r) => [r.key, r]));
  const cols = new Map(spec.columns.map((c) => [c.key, c]));
  if (rows.size !== spec.rows.length || cols.size !== spec.columns.length) {
    throw new Error(`${spec.id}: duplicate row or column key`);
  }
  const key = (rowKey: string, colKey: string) => cellKeyOf(spec.id, rowKey, colKey);

  const leafParts = (rowKey: string, colKey: string): string[] => {
    const row = rows.get(rowKey);
    const col = cols.get(colKey);
    if (!row || !col) throw new Error(`${spec.id}: sum refers to unknown ${rowKey}/${colKey}`);
    if (col.sum) return col.sum.of.flatMap((c) => leafParts(rowKey, c));
    if (row.sum) return row.sum.of.flatMap((r) => leafParts(r, colKey));
    return [key(rowKey, colKey)];
  };

  const cells: CellDef[] = [];
  for (const row of spec.rows) {
    for (const col of spec.columns) {
      // A cell in both a sum row and a sum column (（七）总计 / 总计) is given its row-wise parts, which is how
      // REQ-ROWSUM reads it; REQ-RESULTS-TOTAL checks the other direction from the row definition.
      const sum = col.sum ?? row.sum;
      const parts = col.sum
        ? col.sum.of.map((c) => key(row.key, c))
        : row.sum
          ? row.sum.of.map((r) => key(r, col.key))
          : undefined;
      const rowPart = [
        spec.caption ?? "",
        row.groups.join("") + (row.groups.length > 0 && row.label ? " " : "") + row.label,
      ]
        .filter((s) => s !== "")
        .join(" ");
      const colPart = [...col.groups, col.label].join("·");
      cells.push({
        key: key(row.key, col.key),
        tableId: spec.id,
        rowKey: row.key,
        colKey: col.key,
        rowLabel: row.label,
        colLabel: col.label,
        rowGroups: row.groups,
        colGroups: col.groups,
        label: rowPart ? `${rowPart} / ${colPart}` : colPart,
        type: col.type,
        unit: col.unit,
        derived: sum !== undefined,
        ...(sum ? { parts, leafParts: leafParts(row.key, col.key), sumRuleId: sum.ruleId } : {}),
        optional: row.optional === true,
      });
    }
  }
  return { ...spec, version, cells };
}
