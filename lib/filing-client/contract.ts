/**
 * The contract between the clerk's report form (components/filing/ReportForm.tsx) and the page / server actions
 * that host it. Kept in a plain module so server code can import the types without touching a client module.
 */
import type { CellMap, FormatVersion, Issue, SectionKey } from "@/lib/format";

export type Sections = Record<SectionKey, string>;

export interface DraftPayload {
  reportId: number;
  /** the lockVersion the save started from; the server refuses (conflict) when its copy moved on */
  lockVersion: number;
  /** leaf cells only: every leaf key of the version (null = blank), plus optional-row keys the report shows */
  cells: CellMap;
  sections: Sections;
  /** the clerk's explanations of soft warnings, keyed by issueKey(issue) */
  explanations: Record<string, string>;
}

export type SaveResult =
  | { ok: true; lockVersion: number; savedAt: string /* ISO */ }
  | {
      ok: false;
      kind: "conflict";
      message: string;
      current: { lockVersion: number; cells: CellMap; sections: Sections; savedAt: string; savedBy: string };
    }
  | { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> /* cell keys, section keys, or "form" */ }
  | { ok: false; kind: "forbidden" | "notFound" | "readOnly"; message: string };

export type SubmitResult =
  | { ok: true; redirectTo: string }
  | { ok: false; kind: "blocked"; message: string; errors: Issue[]; blanks: string[]; missingExplanations: string[] }
  | Exclude<SaveResult, { ok: true }>;

export interface ReportComment {
  /** a SectionKey, or null for a comment on the whole report */
  section: string | null;
  body: string;
  author: string;
  createdAt: string;
}

export interface ReportFormProps {
  reportId: number;
  version: FormatVersion;
  /** e.g. "友谊县友谊镇人民政府 2025年度报告" */
  title: string;
  initial: {
    lockVersion: number;
    cells: CellMap;
    sections: Sections;
    explanations: Record<string, string>;
    savedAt: string | null;
  };
  /** cell keys pre-filled from last year's report; marked until the clerk changes them */
  prefilled: string[];
  /** last year's report, for the cross-year warnings */
  previous: { formatVersion: FormatVersion; cells: CellMap } | null;
  /** supervisor's comments after a return; section null = whole report */
  comments: ReportComment[];
  /** submitted / published: everything read-only */
  readOnly: boolean;
  saveDraft: (p: DraftPayload) => Promise<SaveResult>;
  submitReport: (p: DraftPayload) => Promise<SubmitResult>;
}
