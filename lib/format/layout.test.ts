import { describe, expect, it } from "vitest";
import { tableLayout, type LayoutCell, type TableLayout } from "./layout";
import { allKeys, FORMAT_VERSIONS, getFormat, getTable, optionalKeys } from "./registry";
import type { FormatVersion, TableId } from "./types";

/** Places every cell on a grid as a browser would; throws on overlaps, gaps or spans past the edge. */
function grid(layout: TableLayout): (LayoutCell | null)[][] {
  const rows = [...layout.headerRows, ...layout.bodyRows];
  const g: (LayoutCell | null)[][] = rows.map(() => Array<LayoutCell | null>(layout.columnCount).fill(null));
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < layout.columnCount && g[r]![c] !== null) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (r + dr >= rows.length || c + dc >= layout.columnCount) throw new Error(`span past the edge at ${r},${c}`);
          if (g[r + dr]![c + dc] !== null) throw new Error(`overlap at ${r + dr},${c + dc}`);
          g[r + dr]![c + dc] = cell;
        }
      }
      c += cell.colSpan;
    }
  });
  g.forEach((row, r) => row.forEach((x, c) => expect(x, `gap at ${r},${c}`).not.toBeNull()));
  return g;
}

const layoutOf = (v: FormatVersion, id: TableId) => tableLayout(getTable(v, id)!);
const texts = (cells: LayoutCell[]) => cells.map((c) => (c.kind === "text" ? c.text : c.cellKey));
const spans = (cells: LayoutCell[]) => cells.map((c) => [c.rowSpan, c.colSpan]);

describe("tableLayout", () => {
  for (const v of FORMAT_VERSIONS) {
    it(`${v}: every table forms a full rectangular grid, and together they hold every cell once`, () => {
      const keys: string[] = [];
      for (const t of getFormat(v).tables) {
        const l = tableLayout(t);
        grid(l);
        grid(tableLayout(t, { includeOptional: true }));
        for (const row of l.bodyRows) for (const c of row) if (c.kind === "cell") keys.push(c.cellKey);
        for (const row of l.headerRows) for (const c of row) expect(c.isHeader).toBe(true);
      }
      expect(keys).toEqual(allKeys(v));
    });
  }

  it("2021 request table: 3 header rows, note in a 3×3 corner, 三 spanning 22 rows", () => {
    const l = layoutOf("2021", "requests");
    expect(l.columnCount).toBe(3 + 7);
    expect(l.rowHeaderColumns).toBe(3);
    expect(l.headerRows).toHaveLength(3);
    expect(texts(l.headerRows[0]!)).toEqual(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]);
    expect(spans(l.headerRows[0]!)).toEqual([[3, 3], [1, 7]]);
    expect(texts(l.headerRows[1]!)).toEqual(["自然人", "法人或其他组织", "总计"]);
    expect(spans(l.headerRows[1]!)).toEqual([[2, 1], [1, 5], [2, 1]]);
    expect(texts(l.headerRows[2]!)).toEqual(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);

    expect(l.bodyRows).toHaveLength(25);
    const head = (i: number) => l.bodyRows[i]!.filter((c) => c.kind === "text");
    expect(texts(head(0))).toEqual(["一、本年新收政府信息公开申请数量"]);
    expect(spans(head(0))).toEqual([[1, 3]]);
    expect(texts(head(2))).toEqual(["三、本年度办理结果", "（一）予以公开"]);
    expect(spans(head(2))).toEqual([[22, 1], [1, 2]]);
    expect(texts(head(4))).toEqual(["（三）不予公开", "1.属于国家秘密"]);
    expect(spans(head(4))).toEqual([[8, 1], [1, 1]]);
    expect(texts(head(5))).toEqual(["2.其他法律行政法规禁止公开"]);
    expect(texts(head(12))).toEqual(["（四）无法提供", "1.本机关不掌握相关政府信息"]);
    expect(spans(head(12))[0]).toEqual([3, 1]);
    expect(texts(head(15))).toEqual(["（五）不予处理", "1.信访举报投诉类申请"]);
    expect(spans(head(15))[0]).toEqual([5, 1]);
    expect(texts(head(20))[0]).toBe("（六）其他处理");
    expect(spans(head(20))[0]).toEqual([3, 1]);
    expect(texts(head(23))).toEqual(["（七）总计"]);
    expect(spans(head(23))).toEqual([[1, 2]]);
    expect(texts(head(24))).toEqual(["四、结转下年度继续办理"]);
    expect(l.bodyRows[23]!.filter((c) => c.kind === "cell").every((c) => c.kind === "cell" && c.derived)).toBe(true);
    expect(l.bodyRows[2]!.filter((c) => c.kind === "cell").map((c) => c.kind === "cell" && c.derived)).toEqual([false, false, false, false, false, false, true]);
  });

  it("2019 request table: 三 spans 20 rows and （六）其他处理 is one row spanning two columns", () => {
    const l = layoutOf("2019", "requests");
    expect(l.bodyRows).toHaveLength(23);
    const head = (i: number) => l.bodyRows[i]!.filter((c) => c.kind === "text");
    expect(spans(head(2))[0]).toEqual([20, 1]);
    expect(texts(head(20))).toEqual(["（六）其他处理"]);
    expect(spans(head(20))).toEqual([[1, 2]]);
    expect(texts(head(21))).toEqual(["（七）总计"]);
  });

  it("review/litigation: 行政复议 (5) | 行政诉讼 (10) over 未经复议直接起诉 (5) | 复议后起诉 (5), one row of 15", () => {
    for (const v of FORMAT_VERSIONS) {
      const l = layoutOf(v, "reviewLitigation");
      expect(l.rowHeaderColumns).toBe(0);
      expect(l.columnCount).toBe(15);
      expect(l.headerRows).toHaveLength(3);
      expect(texts(l.headerRows[0]!)).toEqual(["行政复议", "行政诉讼"]);
      expect(spans(l.headerRows[0]!)).toEqual([[1, 5], [1, 10]]);
      expect(texts(l.headerRows[1]!)).toEqual(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]);
      expect(spans(l.headerRows[1]!)).toEqual([[2, 1], [2, 1], [2, 1], [2, 1], [2, 1], [1, 5], [1, 5]]);
      expect(texts(l.headerRows[2]!)).toEqual(Array(2).fill(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]).flat());
      expect(l.bodyRows).toHaveLength(1);
      expect(texts(l.bodyRows[0]!)).toEqual(getTable(v, "reviewLitigation")!.cells.map((c) => c.key));
    }
  });

  it("active tables: 信息内容 | column labels; the optional 2019 row only on request", () => {
    const l = layoutOf("2019", "active.art20_1");
    expect(l.caption).toBe("第二十条第（一）项");
    expect(texts(l.headerRows[0]!)).toEqual(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]);
    expect(l.bodyRows.map((r) => texts(r)[0])).toEqual(["规章", "规范性文件"]);
    const withOptional = tableLayout(getTable("2019", "active.art20_1")!, { includeOptional: true });
    expect(withOptional.bodyRows.map((r) => texts(r)[0])).toEqual(["规章", "规范性文件", "其他主动公开文件"]);
    expect(texts(withOptional.bodyRows[2]!).slice(1)).toEqual(optionalKeys("2019"));

    const fees = layoutOf("2021", "active.art20_8");
    expect(texts(fees.headerRows[0]!)).toEqual(["信息内容", "本年收费金额（单位：万元）"]);
    expect(texts(fees.bodyRows[0]!)).toEqual(["行政事业性收费", "active.art20_8.fees.amount"]);
  });
});
