"use client";
// localStorage I/O for the local backup (selection rules in lib/filing-client/backup.ts). Storage may be full,
// disabled or private: every access is best effort and never breaks the form.
import type { FormatVersion } from "@/lib/format";
import { backupKey, isBackupKeyOf, parseBackup, type LocalBackup } from "@/lib/filing-client";

export function readBackups(reportId: number, version: FormatVersion): LocalBackup[] {
  const out: LocalBackup[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && isBackupKeyOf(k, reportId)) {
        const b = parseBackup(localStorage.getItem(k), version, reportId);
        if (b) out.push(b);
      }
    }
  } catch {
    // storage unavailable
  }
  return out;
}

/** Writes the backup for its lockVersion and drops the report's other entries (older server versions). */
export function writeBackup(b: LocalBackup): void {
  try {
    const key = backupKey(b.reportId, b.lockVersion);
    localStorage.setItem(key, JSON.stringify(b));
    for (const k of keysOf(b.reportId)) if (k !== key) localStorage.removeItem(k);
  } catch {
    // quota exceeded or storage unavailable: the server copy and autosave remain
  }
}

export function removeBackups(reportId: number): void {
  try {
    for (const k of keysOf(reportId)) localStorage.removeItem(k);
  } catch {
    // storage unavailable
  }
}

function keysOf(reportId: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k && isBackupKeyOf(k, reportId)) keys.push(k);
  }
  return keys;
}
