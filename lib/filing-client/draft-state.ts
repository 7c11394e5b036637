/**
 * The form's draft as a pure reducer, so the rules about what is kept and what is sent are testable:
 *
 * - `cells` holds each leaf cell's committed value: what totals, validation and saves use.
 * - Text that cannot be read as a value (a typo, a unit on a count) is kept in `raw` with the parser's message,
 *   shown in the cell and kept in the local backup, while the cell's committed value stays the last valid one
 *   (the value it had when the clerk started editing it). A save therefore never sends a value the clerk did
 *   not type, and never loses the value that was there: only the unreadable cell is held back.
 * - `rev` counts changes; `savedRev` is the rev of the last draft the server accepted, so dirty = rev ≠ savedRev.
 * - Paste and "fill blanks with 0" keep one undo snapshot of the cells they touched.
 */
import { leafKeys, parseCellInput, cellDef, SECTION_KEYS, SECTION_MAX_LENGTH, type CellMap, type FormatVersion, type SectionKey } from "@/lib/format";
import type { DraftPayload, Sections } from "./contract";
import type { PastePlan } from "./paste";

export interface RawInput {
  text: string;
  message: string;
}

export interface UndoSnapshot {
  kind: "paste" | "fillZeros";
  cells: Record<string, number | null>;
  raw: Record<string, RawInput | null>;
  prefilled: string[];
}

export interface DraftState {
  version: FormatVersion;
  cells: CellMap;
  raw: Readonly<Record<string, RawInput>>;
  /** pre-filled cells the clerk has not changed yet */
  prefilled: ReadonlySet<string>;
  sections: Sections;
  explanations: Readonly<Record<string, string>>;
  rev: number;
  savedRev: number;
  undo: UndoSnapshot | null;
}

export type DraftAction =
  /** `fallback`: the value the cell had when editing started; `final`: blur/Enter/Escape rather than a keystroke */
  | { type: "edit"; key: string; text: string; fallback: number | null; final: boolean }
  | { type: "paste"; plan: PastePlan }
  | { type: "fillZeros" }
  | { type: "undo" }
  | { type: "section"; key: SectionKey; text: string }
  | { type: "explain"; key: string; text: string }
  /** replace the draft (their version after a conflict, or a local backup); `clean` = it is what the server has */
  | { type: "replace"; cells: CellMap; sections: Sections; explanations?: Record<string, string>; rawInputs?: Record<string, string>; clean: boolean }
  | { type: "saved"; rev: number };

export function initialDraft(
  version: FormatVersion,
  initial: { cells: CellMap; sections: Sections; explanations: Record<string, string> },
  prefilled: readonly string[],
): DraftState {
  const cells: CellMap = {};
  for (const [k, val] of Object.entries(initial.cells)) {
    const def = cellDef(version, k);
    if (def && !def.derived) cells[k] = val;
  }
  for (const k of leafKeys(version)) if (!(k in cells)) cells[k] = null;
  return {
    version,
    cells,
    raw: {},
    prefilled: new Set(prefilled.filter((k) => cells[k] !== null && cells[k] !== undefined)),
    sections: completeSections(initial.sections),
    explanations: { ...initial.explanations },
    rev: 0,
    savedRev: 0,
    undo: null,
  };
}

export function isDirty(s: DraftState): boolean {
  return s.rev !== s.savedRev;
}

/** Parses one cell's text; the reducer and the cell input agree on what a text means. */
export function readCell(version: FormatVersion, key: string, text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const def = cellDef(version, key);
  if (!def) return { ok: false, message: "未知单元格" };
  return parseCellInput(def, text);
}

export function draftReducer(s: DraftState, a: DraftAction): DraftState {
  switch (a.type) {
    case "edit": {
      const r = readCell(s.version, a.key, a.text);
      const cells = { ...s.cells };
      const raw = { ...s.raw };
      let prefilled = s.prefilled;
      if (r.ok) {
        cells[a.key] = r.value;
        delete raw[a.key];
        if (a.final && r.value !== a.fallback && prefilled.has(a.key)) prefilled = without(prefilled, [a.key]);
      } else {
        cells[a.key] = a.fallback;
        // While typing, a text on its way to a number ("1," of "1,234") is not flagged; blur/Enter flags it.
        if (a.final) raw[a.key] = { text: a.text, message: r.message };
      }
      const changed = cells[a.key] !== s.cells[a.key] || !sameRaw(raw[a.key], s.raw[a.key]);
      // Keystrokes already committed the value, so the final commit compares with the value editing started from.
      const edited = a.final && (changed || cells[a.key] !== a.fallback);
      const undo = edited ? null : s.undo;
      if (!changed && prefilled === s.prefilled && undo === s.undo) return s;
      return { ...s, cells, raw, prefilled, rev: changed ? s.rev + 1 : s.rev, undo };
    }
    case "paste": {
      const touched = [...a.plan.updates.map((u) => u.key), ...a.plan.failures.map((f) => f.key)];
      if (touched.length === 0) return s;
      const undo = snapshot(s, "paste", touched);
      const cells = { ...s.cells };
      const raw = { ...s.raw };
      const changedPrefilled: string[] = [];
      for (const u of a.plan.updates) {
        if (cells[u.key] !== u.value && s.prefilled.has(u.key)) changedPrefilled.push(u.key);
        cells[u.key] = u.value;
        delete raw[u.key];
      }
      for (const f of a.plan.failures) raw[f.key] = { text: f.text, message: f.message };
      return { ...s, cells, raw, prefilled: without(s.prefilled, changedPrefilled), rev: s.rev + 1, undo };
    }
    case "fillZeros": {
      const keys = fillableBlanks(s);
      if (keys.length === 0) return s;
      const cells = { ...s.cells };
      for (const k of keys) cells[k] = 0;
      return { ...s, cells, rev: s.rev + 1, undo: snapshot(s, "fillZeros", keys) };
    }
    case "undo": {
      const u = s.undo;
      if (!u) return s;
      const cells = { ...s.cells, ...u.cells };
      const raw = { ...s.raw };
      for (const [k, r] of Object.entries(u.raw)) {
        if (r) raw[k] = r;
        else delete raw[k];
      }
      return { ...s, cells, raw, prefilled: new Set([...s.prefilled, ...u.prefilled]), rev: s.rev + 1, undo: null };
    }
    case "section":
      if (s.sections[a.key] === a.text) return s;
      return { ...s, sections: { ...s.sections, [a.key]: a.text }, rev: s.rev + 1 };
    case "explain":
      if ((s.explanations[a.key] ?? "") === a.text) return s;
      return { ...s, explanations: { ...s.explanations, [a.key]: a.text }, rev: s.rev + 1 };
    case "replace": {
      const base = initialDraft(s.version, { cells: a.cells, sections: a.sections, explanations: a.explanations ?? { ...s.explanations } }, []);
      const raw: Record<string, RawInput> = {};
      for (const [k, text] of Object.entries(a.rawInputs ?? {})) {
        const r = readCell(s.version, k, text);
        if (!r.ok) raw[k] = { text, message: r.message };
      }
      const rev = s.rev + 1;
      return {
        ...base,
        raw,
        prefilled: new Set([...s.prefilled].filter((k) => base.cells[k] === s.cells[k])),
        rev,
        savedRev: a.clean ? rev : s.savedRev,
      };
    }
    case "saved":
      return a.rev === s.savedRev ? s : { ...s, savedRev: a.rev };
  }
}

/** Blank leaf cells without unreadable text: what "剩余空格填 0" fills. Text the clerk typed is never replaced. */
export function fillableBlanks(s: DraftState): string[] {
  return leafKeys(s.version).filter((k) => (s.cells[k] ?? null) === null && !(k in s.raw));
}

/**
 * The draft as sent to the server: every leaf cell (null = blank) plus optional-row cells the report holds, the
 * six sections, and the explanations the clerk wrote. A section over the length limit is sent as the server's
 * last copy (`savedSections`), so the rest of the draft can still be saved; it stays in the form, flagged.
 */
export function draftPayload(
  s: DraftState,
  reportId: number,
  lockVersion: number,
  savedSections: Sections,
  extraKeys: readonly string[] = [],
): DraftPayload {
  const cells: CellMap = {};
  for (const k of leafKeys(s.version)) cells[k] = s.cells[k] ?? null;
  for (const k of extraKeys) cells[k] = s.cells[k] ?? null;
  const sections = {} as Sections;
  for (const k of SECTION_KEYS) {
    const text = s.sections[k] ?? "";
    sections[k] = text.length > SECTION_MAX_LENGTH ? (savedSections[k] ?? "") : text;
  }
  const explanations: Record<string, string> = {};
  for (const [k, text] of Object.entries(s.explanations)) if (text.trim() !== "") explanations[k] = text;
  return { reportId, lockVersion, cells, sections, explanations };
}

export function completeSections(sections: Partial<Sections> | undefined): Sections {
  const out = {} as Sections;
  for (const k of SECTION_KEYS) out[k] = sections?.[k] ?? "";
  return out;
}

function snapshot(s: DraftState, kind: UndoSnapshot["kind"], keys: readonly string[]): UndoSnapshot {
  const cells: Record<string, number | null> = {};
  const raw: Record<string, RawInput | null> = {};
  for (const k of keys) {
    cells[k] = s.cells[k] ?? null;
    raw[k] = s.raw[k] ?? null;
  }
  return { kind, cells, raw, prefilled: keys.filter((k) => s.prefilled.has(k)) };
}

function without(set: ReadonlySet<string>, keys: readonly string[]): ReadonlySet<string> {
  if (keys.length === 0) return set;
  const out = new Set(set);
  for (const k of keys) out.delete(k);
  return out;
}

function sameRaw(a: RawInput | undefined, b: RawInput | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.text === b.text && a.message === b.message);
}
