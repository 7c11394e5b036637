/** Pure helpers of the clerk's report form (components/filing): no React, safe on the server too. */
export type { DraftPayload, ReportComment, ReportFormProps, SaveResult, Sections, SubmitResult } from "./contract";
export { issueKey } from "./issue-key";
export {
  findCell,
  leafOrder,
  navGridOf,
  navTarget,
  singleGrid,
  stackedGrid,
  type GridModel,
  type GridRow,
  type NavCell,
  type NavGrid,
  type NavMove,
} from "./grid";
export { MAX_PASTE_CHARS, isBlockPaste, parseClipboard, planPaste, type ClipboardBlock, type PastePlan } from "./paste";
export { diffDrafts, differenceExcerpts, type CellDiff, type DraftContent, type DraftDiff, type SectionDiff } from "./diff";
export {
  BACKUP_PREFIX,
  backupKey,
  isBackupKeyOf,
  parseBackup,
  sameContent,
  selectBackup,
  type BackupOffer,
  type LocalBackup,
  type ServerCopy,
} from "./backup";
export { narrativeLength, normalizeNarrative } from "./narrative";
export { cellAccessibleName } from "./labels";
export { overlongSections, readiness, sectionOfCell, type BlankGroup, type Readiness } from "./readiness";
export { SAVE_TIMING, retryDelay, saveDelay, type SaveTiming } from "./autosave";
export {
  completeSections,
  draftPayload,
  draftReducer,
  fillableBlanks,
  initialDraft,
  isDirty,
  readCell,
  type DraftAction,
  type DraftState,
  type RawInput,
  type UndoSnapshot,
} from "./draft-state";
