/**
 * validate(): every rule of spec §6 checked against the cells AS GIVEN, so a printed total that disagrees with
 * its parts is found (call computeDerived first to check only the leaf cells).
 *
 * One issue per cell and severity. The spec asks for "the first failing rule per cell", so that one typo does
 * not produce three errors. Checks run in this order, and a check is skipped when it involves a cell already
 * named by an earlier issue of the same severity (or a cell whose value is itself invalid):
 *   1. cell checks, per cell in official order: TYPE-NUMBER, TYPE-RANGE, TYPE-INTEGER / TYPE-DECIMAL, *-NONNEG;
 *   2. totals across a row (REQ-ROWSUM, RL-*-TOTAL): the narrowest relations, they locate a typo to one row;
 *   3. totals down a column (REQ-RESULTS-TOTAL), per applicant column;
 *   4. the printed balance (REQ-BALANCE), per applicant column;
 *   5. "implied" instances — the relations on the 总计 column (REQ-RESULTS-TOTAL and REQ-BALANCE of 总计), which
 *      always hold when 2–4 hold — only when no other error was found in the same table;
 *   6. warnings: ACT-PUBLISHED, then with `previous` ACT-ITEMS-XYEAR / ACT-INFORCE-XYEAR and REQ-CARRY-XYEAR
 *      (REQ-CARRY-XYEAR of 总计 again only when no other column differs).
 *      Warnings are not suppressed by errors: a carry-over mismatch often explains a balance error.
 *
 * Blank cells: a blank leaf counts as 0 in a sum; a blank derived cell (a total the document did not print) is
 * not checked and, where it is an operand, stands for the sum of its leaves. A relation whose cells are all
 * blank does not fire. Comparisons that are not sums (ACT-PUBLISHED, the cross-year rules) need their anchor
 * cells filled: blank means unknown, not 0.
 */
import { decimalPlacesOf, MONEY_PLACES } from "./decimal";
import { MAX_ABS_VALUE } from "./input";
import { MESSAGES, sumExpression, term } from "./messages";
import { sumOfLeaves } from "./derive";
import { cellKeyOf } from "./formats/build";
import { cellDef, getFormat } from "./registry";
import type { CellDef, CellMap, ColumnDef, FormatVersion, Issue, RowDef, RuleId, Severity, TableDef } from "./types";

export interface ValidateOptions {
  /** the same agency's report for the previous year; enables the cross-year (warning) rules */
  previous?: { formatVersion: FormatVersion; cells: CellMap };
}

type Finding = Omit<Issue, "severity" | "cells">;

interface Check {
  severity: Severity;
  tableId: string;
  /** cells of the current report the check involves (the issue's `cells`) */
  cells: string[];
  implied: boolean;
  run: () => Finding | null;
}

export function validate(v: FormatVersion, cells: CellMap, options: ValidateOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const invalid = new Set<string>();
  const claimed: Record<Severity, Set<string>> = { error: new Set(), warning: new Set() };
  const tablesWithIssues: Record<Severity, Set<string>> = { error: new Set(), warning: new Set() };

  for (const table of getFormat(v).tables) {
    for (const def of table.cells) {
      // A total made wrong by an invalid part (e.g. 1.5 typed in a count) is the part's issue, not a second one;
      // the total is as unusable as the part, so rules through it are skipped too.
      if (def.leafParts?.some((k) => invalid.has(k))) {
        invalid.add(def.key);
        continue;
      }
      const issue = checkCell(table, def, cells[def.key]);
      if (issue) {
        issues.push(issue);
        invalid.add(def.key);
        tablesWithIssues.error.add(table.id);
      }
    }
  }

  const current = new Operands(v, cells);
  const errors = getFormat(v).tables.flatMap((t) => relationChecks(t, current));
  const warnings = warningChecks(v, current, options.previous);
  const ordered = [
    ...errors.filter((c) => !c.implied),
    ...errors.filter((c) => c.implied),
    ...warnings.filter((c) => !c.implied),
    ...warnings.filter((c) => c.implied),
  ];

  for (const check of ordered) {
    if (check.cells.some((k) => invalid.has(k) || claimed[check.severity].has(k))) continue;
    if (check.implied && tablesWithIssues[check.severity].has(check.tableId)) continue;
    const found = check.run();
    if (!found) continue;
    issues.push({ ...found, severity: check.severity, cells: check.cells });
    for (const k of check.cells) claimed[check.severity].add(k);
    tablesWithIssues[check.severity].add(check.tableId);
  }
  return issues;
}

function checkCell(table: TableDef, def: CellDef, value: unknown): Issue | null {
  if (value === null || value === undefined) return null;
  const issue = (ruleId: RuleId, message: string, actual?: number): Issue => ({
    ruleId,
    severity: "error",
    cells: [def.key],
    primaryCell: def.key,
    message,
    ...(actual === undefined ? {} : { actual }),
  });
  if (typeof value !== "number" || !Number.isFinite(value)) return issue("TYPE-NUMBER", MESSAGES.notANumber(def.label));
  if (Math.abs(value) > MAX_ABS_VALUE) return issue("TYPE-RANGE", MESSAGES.tooLarge(def.label, value), value);
  if (def.type === "decimal") {
    if (decimalPlacesOf(value) > MONEY_PLACES) return issue("TYPE-DECIMAL", MESSAGES.tooManyPlaces(def.label, value), value);
  } else if (!Number.isInteger(value)) {
    return issue("TYPE-INTEGER", MESSAGES.notInteger(def.label, value), value);
  }
  if (value < 0 && def.type !== "signedInt") {
    return issue(table.nonNegativeRuleId, MESSAGES.negative(def.label, value), value);
  }
  return null;
}

/** Reads a report's cells the way the rules need them. */
class Operands {
  constructor(
    readonly version: FormatVersion,
    private readonly cells: CellMap,
  ) {}

  has(key: string): boolean {
    return cellDef(this.version, key) !== undefined;
  }

  /** the value as given; null when blank (or not a usable number, which checkCell reports) */
  given(key: string): number | null {
    const v = this.cells[key];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  }

  /** value as an operand: a blank leaf is 0, a blank derived cell is the sum of its leaves */
  value(key: string): number {
    const g = this.given(key);
    if (g !== null) return g;
    const def = cellDef(this.version, key);
    return def?.derived ? sumOfLeaves(def, this.cells) : 0;
  }

  /** given value, or for an unprinted derived cell the sum of its leaves when any of them is filled */
  known(key: string): number | null {
    return this.blank(key) ? null : this.value(key);
  }

  /** blank, and for a derived cell also every leaf it adds up blank */
  blank(key: string): boolean {
    if (this.given(key) !== null) return false;
    const def = cellDef(this.version, key);
    return !def?.derived || (def.leafParts ?? []).every((k) => this.given(k) === null);
  }
}

const rowName = (table: TableDef, row: RowDef): string =>
  [table.caption ?? "", row.groups.join("") + (row.groups.length > 0 ? " " : "") + row.label].filter((s) => s !== "").join(" ");
const rowTermName = (row: RowDef): string =>
  row.shortLabel ?? (row.groups.length > 1 ? `${row.groups[row.groups.length - 1]} ${row.label}` : row.label);
const columnName = (col: ColumnDef): string => [...col.groups, col.label].join("·");

function relationChecks(table: TableDef, ops: Operands): Check[] {
  const key = (row: RowDef, col: ColumnDef) => cellKeyOf(table.id, row.key, col.key);
  const rows = new Map(table.rows.map((r) => [r.key, r]));
  const cols = new Map(table.columns.map((c) => [c.key, c]));
  const national = table.rows.filter((r) => !r.optional);
  const checks: Check[] = [];

  const sumCheck = (
    total: string,
    parts: { key: string; name: string }[],
    where: string,
    totalName: string,
    ruleId: RuleId,
    implied: boolean,
  ): Check => ({
    severity: "error",
    tableId: table.id,
    cells: [total, ...parts.map((p) => p.key)],
    implied,
    run: () => {
      const actual = ops.given(total);
      if (actual === null) return null; // a total the document did not print cannot disagree
      const expected = parts.reduce((s, p) => s + ops.value(p.key), 0);
      if (expected === actual) return null;
      const expr = sumExpression(parts.map((p) => ({ name: p.name, value: ops.blank(p.key) ? null : ops.value(p.key) })));
      return { ruleId, primaryCell: total, expected, actual, message: MESSAGES.sum(where, expr, expected, totalName, actual) };
    },
  });

  // 2. totals across a row
  for (const row of national) {
    for (const col of table.columns) {
      if (!col.sum) continue;
      const parts = col.sum.of.map((c) => ({ key: key(row, cols.get(c)!), name: cols.get(c)!.label }));
      const where = row.label ? `“${rowName(table, row)}”行` : col.groups.join("·");
      checks.push(sumCheck(key(row, col), parts, where, `“${col.label}”`, col.sum.ruleId, false));
    }
  }
  // 3. totals down a column; the one on a sum column follows from the others (implied)
  for (const row of national) {
    if (!row.sum) continue;
    for (const col of table.columns) {
      const parts = row.sum.of.map((r) => ({ key: key(rows.get(r)!, col), name: rowTermName(rows.get(r)!) }));
      checks.push(sumCheck(key(row, col), parts, `“${columnName(col)}”列`, `“${row.label}”`, row.sum.ruleId, !!col.sum));
    }
  }
  // 4. the balance printed on the request table, per column
  const balance = table.balance;
  if (balance) {
    for (const col of table.columns) {
      const side = (rowKeys: readonly string[]) => rowKeys.map((r) => ({ key: key(rows.get(r)!, col), row: rows.get(r)! }));
      const lhs = side(balance.lhs);
      const rhs = side(balance.rhs);
      const all = [...lhs, ...rhs].map((x) => x.key);
      checks.push({
        severity: "error",
        tableId: table.id,
        cells: all,
        implied: !!col.sum,
        run: () => {
          if (all.every((k) => ops.blank(k))) return null;
          const l = lhs.reduce((s, x) => s + ops.value(x.key), 0);
          const r = rhs.reduce((s, x) => s + ops.value(x.key), 0);
          if (l === r) return null;
          const expr = (xs: typeof lhs) =>
            xs.map((x) => term(x.row.shortLabel ?? x.row.label, ops.blank(x.key) ? null : ops.value(x.key))).join(" + ");
          return {
            ruleId: balance.ruleId,
            // 结转下年度 is the remainder clerks work out last, so it is the cell most likely to need fixing.
            primaryCell: rhs[rhs.length - 1]!.key,
            expected: l,
            actual: r,
            message: MESSAGES.balance(columnName(col), expr(lhs), l, expr(rhs), r),
          };
        },
      });
    }
  }
  return checks;
}

function warningChecks(v: FormatVersion, cur: Operands, previous: ValidateOptions["previous"]): Check[] {
  const prev = previous ? new Operands(previous.formatVersion, previous.cells) : null;
  const checks: Check[] = [];
  const warning = (tableId: string, cells: string[], run: Check["run"], implied = false, previousCells?: string[]): Check => ({
    severity: "warning",
    tableId,
    cells,
    implied,
    run: () => {
      const f = run();
      return f && previousCells ? { ...f, previousCells } : f;
    },
  });

  for (const table of getFormat(v).tables) {
    const colKeys = new Set(table.columns.map((c) => c.key));
    for (const row of table.rows) {
      const k = (col: string) => cellKeyOf(table.id, row.key, col);

      if (colKeys.has("totalPublished") && colKeys.has("newlyPublished")) {
        const [total, newly] = [k("totalPublished"), k("newlyPublished")];
        checks.push(
          warning(table.id, [total, newly], () => {
            const t = cur.known(total);
            const n = cur.known(newly);
            if (t === null || n === null || t >= n) return null;
            return { ruleId: "ACT-PUBLISHED", primaryCell: total, expected: n, actual: t, message: MESSAGES.published(rowName(table, row), t, n) };
          }),
        );
      }
      if (!prev) continue;

      if (colKeys.has("prevYearItems") && colKeys.has("change") && prev.has(k("prevYearItems")) && prev.has(k("change"))) {
        const items = k("prevYearItems");
        const change = k("change");
        checks.push(
          warning(
            table.id,
            [items],
            () => {
              const actual = cur.known(items);
              const prevItems = prev.known(items);
              if (actual === null || prevItems === null) return null;
              const prevChange = prev.known(change);
              const expected = prevItems + (prevChange ?? 0);
              if (actual === expected) return null;
              return {
                ruleId: "ACT-ITEMS-XYEAR",
                primaryCell: items,
                expected,
                actual,
                message: MESSAGES.items(rowName(table, row), actual, prevItems, prevChange, expected),
              };
            },
            false,
            [items, change],
          ),
        );
      }
      if (colKeys.has("inForce") && colKeys.has("issued") && colKeys.has("repealed") && prev.has(k("inForce"))) {
        const [inForce, issued, repealed] = [k("inForce"), k("issued"), k("repealed")];
        checks.push(
          warning(
            table.id,
            [inForce, issued, repealed],
            () => {
              const actual = cur.known(inForce);
              const before = prev.known(inForce);
              if (actual === null || before === null) return null;
              const i = cur.known(issued);
              const r = cur.known(repealed);
              const expected = before + (i ?? 0) - (r ?? 0);
              if (actual === expected) return null;
              return {
                ruleId: "ACT-INFORCE-XYEAR",
                primaryCell: inForce,
                expected,
                actual,
                message: MESSAGES.inForce(rowName(table, row), actual, before, i, r, expected),
              };
            },
            false,
            [inForce],
          ),
        );
      }
    }

    // Only the carry-over columns are compared across versions: they exist, with the same meaning, in both.
    if (prev && table.id === "requests") {
      for (const col of table.columns) {
        const over = cellKeyOf(table.id, "carriedOver", col.key);
        const forward = cellKeyOf(table.id, "carriedForward", col.key);
        if (!cur.has(over) || !prev.has(forward)) continue;
        checks.push(
          warning(
            table.id,
            [over],
            () => {
              const actual = cur.known(over);
              const expected = prev.known(forward);
              if (actual === null || expected === null || actual === expected) return null;
              return { ruleId: "REQ-CARRY-XYEAR", primaryCell: over, expected, actual, message: MESSAGES.carry(columnName(col), actual, expected) };
            },
            !!col.sum,
            [forward],
          ),
        );
      }
    }
  }
  return checks;
}
