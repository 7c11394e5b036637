/**
 * A small, tolerant HTML reader: text blocks and tables, nothing else. Tables become grids with rowspan/colspan
 * honoured — the text of a merged cell sits in its first grid position and the positions it covers are empty — and
 * are written as tab-separated lines, so the rest of the importer reads HTML (and .docx, through mammoth's HTML)
 * exactly like a text report. A table that contains another table is page layout (old CMS pages wrap the whole
 * article in one): its own grid is dropped and its content read as text blocks and inner tables, in order.
 *
 * Unclosed <td>/<tr>/<p>, missing <tbody>, upper-case tags, attributes without quotes, comments, <script>/<style>
 * and character references are all handled; malformed markup never throws.
 */

export interface HtmlText {
  /** text blocks one per line, tables as tab-separated lines */
  text: string;
  /** the document's <title>, if any */
  title: string | null;
  /** number of data tables found */
  tables: number;
}

const NAMED: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  middot: "·",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  emsp: " ",
  ensp: " ",
  thinsp: " ",
  times: "×",
  yen: "¥",
  deg: "°",
  copy: "©",
  reg: "®",
  laquo: "«",
  raquo: "»",
  bull: "•",
  zwsp: "",
  shy: "",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});?/g, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "";
      return String.fromCodePoint(code);
    }
    const v = NAMED[body.toLowerCase()];
    return v ?? m;
  });
}

const BLOCK = new Set([
  "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "footer",
  "blockquote", "pre", "hr", "dd", "dt", "dl", "center", "address", "main", "nav", "aside", "figure", "figcaption",
  "caption", "form", "fieldset", "body", "html",
]);
const SKIP_CONTENT = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "select", "textarea"]);

interface Cell {
  text: string;
  rowspan: number;
  colspan: number;
}

interface TableState {
  rows: Cell[][];
  row: Cell[] | null;
  cell: Cell | null;
  /** the outer table had a nested table: it is layout, not data */
  layout: boolean;
  /** output position where this table's content starts (for layout tables) */
  out: Block[];
}

type Block = { kind: "text"; text: string } | { kind: "table"; rows: Cell[][] };

// Attribute text stops at the next "<", so a stray "<" or an unclosed quote costs linear time, never quadratic.
const TAG_RE = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^<>]*>|<\?[^<>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

/** Report tables have at most 16 columns; larger spans are markup errors or hostile. */
const MAX_COLSPAN = 64;
/** Grid positions expanded per table at most; the rest of a huge table is dropped. */
const MAX_GRID_CELLS = 200_000;

function span(attrs: string, name: string): number {
  const v = attr(attrs, name);
  const n = v === null ? 1 : parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, name === "colspan" ? MAX_COLSPAN : 500) : 1;
}

export function htmlToText(html: string): HtmlText {
  const blocks: Block[] = [];
  const stack: TableState[] = [];
  let title: string | null = null;
  let text = ""; // current text outside tables
  let skip: string | null = null;
  let inTitle = false;
  let titleText = "";
  let tables = 0;

  const target = (): Block[] => (stack.length > 0 ? stack[stack.length - 1]!.out : blocks);
  const pushText = (out: Block[], t: string) => {
    if (t.replace(/\s+/g, "") !== "") out.push({ kind: "text", text: t });
  };
  const flushText = () => {
    pushText(blocks, text);
    text = "";
  };
  const addText = (s: string) => {
    const top = stack[stack.length - 1];
    if (top) {
      if (top.cell) top.cell.text += s;
      else if (top.layout) pushText(top.out, s); // text between cells of a layout table
    } else text += s;
  };
  const closeCell = (t: TableState) => {
    if (t.cell && t.layout) {
      pushText(t.out, t.cell.text);
      t.cell.text = "";
    }
    t.cell = null;
  };
  const closeRow = (t: TableState) => {
    closeCell(t);
    if (t.row && !t.layout) t.rows.push(t.row);
    t.row = null;
  };

  let last = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const between = html.slice(last, m.index);
    last = TAG_RE.lastIndex;
    if (!skip && between) {
      const t = decodeEntities(between).replace(/[ \t\r\n\f\v]+/g, " ");
      if (inTitle) titleText += t;
      else addText(t);
    }
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment, doctype, processing instruction
    const closing = m[0][1] === "/";
    const attrs = m[2] ?? "";
    if (skip) {
      if (closing && name === skip) skip = null;
      continue;
    }
    if (SKIP_CONTENT.has(name) && !closing && !/\/\s*$/.test(attrs)) {
      skip = name;
      continue;
    }
    if (name === "title") {
      if (!closing) {
        inTitle = true;
        titleText = "";
      } else if (inTitle) {
        inTitle = false;
        title ??= titleText.replace(/\s+/g, " ").trim() || null;
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (name === "table") {
      if (!closing) {
        if (top) {
          // a table inside a table: the outer one is page layout. What it held so far becomes text, in order.
          if (!top.layout) {
            top.layout = true;
            const cur = top.cell;
            for (const r of [...top.rows, ...(top.row ? [top.row] : [])]) for (const c of r) pushText(top.out, c.text);
            top.rows = [];
            if (cur) cur.text = "";
          } else if (top.cell) {
            pushText(top.out, top.cell.text);
            top.cell.text = "";
          }
        } else {
          flushText();
        }
        stack.push({ rows: [], row: null, cell: null, layout: false, out: [] });
      } else if (top) {
        closeRow(top);
        stack.pop();
        const out = target();
        if (top.layout) out.push(...top.out);
        else {
          out.push(...top.out, { kind: "table", rows: top.rows });
          tables++;
        }
      }
      continue;
    }
    if (top) {
      if (name === "tr") {
        closeRow(top);
        if (!closing) top.row = [];
        continue;
      }
      if (name === "td" || name === "th") {
        closeCell(top);
        if (!closing) {
          if (!top.row) top.row = [];
          top.cell = { text: "", rowspan: span(attrs, "rowspan"), colspan: span(attrs, "colspan") };
          top.row.push(top.cell);
        }
        continue;
      }
      if (name === "thead" || name === "tbody" || name === "tfoot") {
        closeRow(top);
        continue;
      }
      // block boundaries inside a cell: a space in a data cell (a broken label), a line in a layout cell
      if (BLOCK.has(name)) addText("\n");
      continue;
    }
    if (BLOCK.has(name) || name === "td" || name === "th" || name === "tr") addText("\n");
  }
  if (!skip) addText(decodeEntities(html.slice(last)).replace(/[ \t\r\n\f\v]+/g, " "));
  while (stack.length > 0) {
    const t = stack.pop()!;
    closeRow(t);
    const out = target();
    if (t.layout) out.push(...t.out);
    else {
      out.push(...t.out, { kind: "table", rows: t.rows });
      tables++;
    }
  }
  flushText();

  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === "text") {
      for (const l of b.text.split("\n")) {
        const t = l.replace(/[ \t\u00a0\u3000]+/g, " ").trim();
        if (t) lines.push(t);
      }
    } else {
      lines.push("", ...gridLines(b.rows), "");
    }
  }
  return { text: lines.join("\n").replace(/\n{3,}/g, "\n\n").replace(/^\n+|\n+$/g, ""), title, tables };
}

/** Rows of cells with spans → tab-separated lines of a rectangular grid. */
export function gridLines(rows: Cell[][]): string[] {
  const grid: (string | null)[][] = [];
  const occupied: boolean[][] = [];
  let area = 0;
  for (let r = 0; r < rows.length && area < MAX_GRID_CELLS; r++) {
    grid[r] ??= [];
    occupied[r] ??= [];
    let c = 0;
    for (const cell of rows[r]!) {
      while (occupied[r]![c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length && area < MAX_GRID_CELLS; dr++) {
        grid[r + dr] ??= [];
        occupied[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) {
          occupied[r + dr]![c + dc] = true;
          grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? clean(cell.text) : "";
          area++;
        }
      }
      c += cell.colspan;
    }
  }
  return grid.map((row) => Array.from(row, (v) => v ?? "").join("\t")).filter((l) => l.replace(/\t/g, "").trim() !== "");
}

function clean(s: string): string {
  return s.replace(/[\t\r\n\f\v]+/g, " ").replace(/\s+/g, " ").trim();
}
