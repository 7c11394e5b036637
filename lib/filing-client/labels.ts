import type { CellDef } from "@/lib/format";

/**
 * The accessible name of a cell input: the table name (for the review/litigation table, whose single row has no
 * label), the row with its groups, then the column with its groups, e.g.
 * "三、本年度办理结果（三）不予公开 1.属于国家秘密，自然人". Money cells say their unit when the header does not.
 */
export function cellAccessibleName(def: CellDef, tableName?: string | null): string {
  const [rowPart, colPart] = splitLabel(def.label);
  const head = [tableName ?? "", rowPart].filter((s) => s !== "").join(" ");
  const unit = def.type === "decimal" && !colPart.includes("单位") ? `（单位：${def.unit}）` : "";
  return head ? `${head}，${colPart}${unit}` : `${colPart}${unit}`;
}

function splitLabel(label: string): [row: string, col: string] {
  const i = label.lastIndexOf(" / ");
  return i < 0 ? ["", label] : [label.slice(0, i), label.slice(i + 3)];
}
