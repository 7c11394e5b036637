/**
 * Analyses shown on the supervisor's review page: similarity to last year's text, narrative numbers that
 * disagree with the tables, jumps from last year, and the one-line flag summary for the review queue.
 * Pure TypeScript on top of the format engine: no database, React or Next.js. See README.md.
 */
export {
  DEFAULT_MIN_LENGTH,
  compareNarrative,
  segmentsForDisplay,
  type CharRange,
  type CompareOptions,
  type DisplaySegment,
  type NarrativeComparison,
} from "./narrative";
export {
  CONCEPTS,
  checkNarrativeNumbers,
  extractNarrativeNumbers,
  parseCount,
  type NarrativeConcept,
  type NarrativeNumber,
  type NarrativeNumberMismatch,
  type NarrativeNumberOptions,
} from "./numbers";
export {
  JUMP_DEFAULTS,
  cellJumps,
  jumpSeverity,
  type CellJump,
  type JumpOptions,
  type JumpSeverity,
  type PreviousReport,
} from "./jumps";
export { COPIED_THRESHOLD, flagSummary, type FlagSummary, type FlagSummaryInput } from "./summary";
