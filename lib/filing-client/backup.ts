/**
 * A copy of unsaved edits in the browser's localStorage, so a closed tab, a crash or a lost connection does not
 * lose them. One entry per report and server version it was based on (reportId + lockVersion); it is written
 * while the form has unsaved changes and removed once they are saved or the clerk discards it.
 *
 * On load the newest entry is offered for restore when it differs from the server copy and is not older than it:
 *  - based on the server's current lockVersion: it holds edits made on top of exactly that copy, so it is offered
 *    whatever the clocks say (the browser's and the server's clocks may disagree);
 *  - based on another lockVersion (someone saved since): offered only when written after the server copy was
 *    saved, and marked stale, because restoring it and saving overwrites the newer server copy.
 */
import { SECTION_KEYS, cellDef, type CellMap, type FormatVersion } from "@/lib/format";
import type { Sections } from "./contract";

export const BACKUP_PREFIX = "nianbao:report-draft:";

export interface LocalBackup {
  reportId: number;
  lockVersion: number;
  /** when the browser wrote it (ISO) */
  updatedAt: string;
  cells: CellMap;
  sections: Sections;
  explanations: Record<string, string>;
  /** text typed into cells that could not be read as a value (kept so nothing typed is lost) */
  rawInputs: Record<string, string>;
}

export function backupKey(reportId: number, lockVersion: number): string {
  return `${BACKUP_PREFIX}${reportId}:${lockVersion}`;
}

export function isBackupKeyOf(storageKey: string, reportId: number): boolean {
  return storageKey.startsWith(`${BACKUP_PREFIX}${reportId}:`);
}

/** Reads a stored entry defensively: anything malformed, for another report, or with cells the version does not
 *  know is dropped or filtered rather than trusted. */
export function parseBackup(json: string | null, v: FormatVersion, reportId: number): LocalBackup | null {
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(data) || data.reportId !== reportId || !Number.isInteger(data.lockVersion)) return null;
  if (typeof data.updatedAt !== "string" || Number.isNaN(Date.parse(data.updatedAt))) return null;
  if (!isRecord(data.cells) || !isRecord(data.sections)) return null;
  const cells: CellMap = {};
  for (const [k, val] of Object.entries(data.cells)) {
    const def = cellDef(v, k);
    if (!def || def.derived) continue;
    if (val === null || (typeof val === "number" && Number.isFinite(val))) cells[k] = val;
  }
  const sections = {} as Sections;
  for (const key of SECTION_KEYS) {
    const s = data.sections[key];
    sections[key] = typeof s === "string" ? s : "";
  }
  return {
    reportId,
    lockVersion: data.lockVersion as number,
    updatedAt: data.updatedAt,
    cells,
    sections,
    explanations: stringRecord(data.explanations),
    rawInputs: Object.fromEntries(Object.entries(stringRecord(data.rawInputs)).filter(([k]) => cellDef(v, k))),
  };
}

export interface ServerCopy {
  lockVersion: number;
  savedAt: string | null;
  cells: CellMap;
  sections: Sections;
  explanations: Record<string, string>;
}

export interface BackupOffer {
  backup: LocalBackup;
  /** based on another server version than the current one: restoring overwrites newer work */
  stale: boolean;
}

export function selectBackup(backups: readonly LocalBackup[], server: ServerCopy): BackupOffer | null {
  const savedAt = server.savedAt ? Date.parse(server.savedAt) : -Infinity;
  const candidates = backups
    .filter((b) => !sameContent(b, server))
    .filter((b) => b.lockVersion === server.lockVersion || Date.parse(b.updatedAt) > savedAt)
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  const backup = candidates[0];
  return backup ? { backup, stale: backup.lockVersion !== server.lockVersion } : null;
}

export function sameContent(b: LocalBackup, server: ServerCopy): boolean {
  if (Object.values(b.rawInputs).some((t) => t.trim() !== "")) return false;
  for (const key of SECTION_KEYS) if ((b.sections[key] ?? "") !== (server.sections[key] ?? "")) return false;
  const keys = new Set([...Object.keys(b.cells), ...Object.keys(server.cells)]);
  for (const k of keys) if ((b.cells[k] ?? null) !== (server.cells[k] ?? null)) return false;
  const ex = new Set([...Object.keys(b.explanations), ...Object.keys(server.explanations)]);
  for (const k of ex) if ((b.explanations[k] ?? "").trim() !== (server.explanations[k] ?? "").trim()) return false;
  return true;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function stringRecord(x: unknown): Record<string, string> {
  if (!isRecord(x)) return {};
  return Object.fromEntries(Object.entries(x).filter((e): e is [string, string] => typeof e[1] === "string"));
}
