import { FORMAT_2019 } from "./formats/v2019";
import { FORMAT_2021 } from "./formats/v2021";
import type { CellDef, FormatDef, FormatVersion, SectionKey, TableDef, TableId } from "./types";

export const FORMAT_VERSIONS: readonly FormatVersion[] = ["2019", "2021"];

export const FORMATS: Readonly<Record<FormatVersion, FormatDef>> = {
  "2019": FORMAT_2019,
  "2021": FORMAT_2021,
};

export function isFormatVersion(v: unknown): v is FormatVersion {
  return v === "2019" || v === "2021";
}

export function getFormat(v: FormatVersion): FormatDef {
  const f = FORMATS[v];
  if (!f) throw new Error(`unknown format version ${String(v)}`);
  return f;
}

/** The version a report filed in the portal uses. Imports prefer the tables' own evidence (spec §0). */
export function formatForYear(year: number): FormatVersion {
  if (!Number.isInteger(year) || year < 2019) {
    throw new RangeError(`no standard format for report year ${year}: the 2019 trial format starts with 2019`);
  }
  return year <= 2020 ? "2019" : "2021";
}

export function getTable(v: FormatVersion, id: TableId): TableDef | undefined {
  return getFormat(v).tables.find((t) => t.id === id);
}

export function sectionTables(v: FormatVersion, section: SectionKey): readonly TableDef[] {
  return getFormat(v).tables.filter((t) => t.section === section);
}

interface Index {
  defs: CellDef[];
  byKey: Map<string, CellDef>;
  /** cells of the national format, official order (leaf and derived) */
  all: string[];
  leaf: string[];
  derived: string[];
  optional: string[];
}

const indexes = new Map<FormatVersion, Index>();

function index(v: FormatVersion): Index {
  let ix = indexes.get(v);
  if (!ix) {
    const cells = getFormat(v).tables.flatMap((t) => t.cells);
    const national = cells.filter((c) => !c.optional);
    ix = {
      defs: cells,
      byKey: new Map(cells.map((c) => [c.key, c])),
      all: national.map((c) => c.key),
      leaf: national.filter((c) => !c.derived).map((c) => c.key),
      derived: national.filter((c) => c.derived).map((c) => c.key),
      optional: cells.filter((c) => c.optional).map((c) => c.key),
    };
    indexes.set(v, ix);
  }
  return ix;
}

/** Every cell of the national format (leaf + derived), official order. Optional rows are not included. */
export function allKeys(v: FormatVersion): readonly string[] {
  return index(v).all;
}

/** Cells a person fills in (everything not derived), official order. Optional rows are not included. */
export function leafKeys(v: FormatVersion): readonly string[] {
  return index(v).leaf;
}

export function derivedKeys(v: FormatVersion): readonly string[] {
  return index(v).derived;
}

/** Cells of optional local-extension rows (2019 其他主动公开文件): accepted and validated, never required. */
export function optionalKeys(v: FormatVersion): readonly string[] {
  return index(v).optional;
}

/** Definition of any cell of the version, optional ones included. */
export function cellDef(v: FormatVersion, key: string): CellDef | undefined {
  return index(v).byKey.get(key);
}

/** Every cell definition of the version in official order, optional rows included. */
export function allCellDefs(v: FormatVersion): readonly CellDef[] {
  return index(v).defs;
}
