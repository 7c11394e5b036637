/**
 * The report importer: reads published 政府信息公开工作年度报告 (text, HTML, .docx, PDF) into the format engine's
 * cells and the six narrative sections. See README.md.
 */
export { parseReport, parseText, isFatal, FATAL_CODES } from "./parse";
export { LIMITS } from "./limits";
export type { ImportResult, ImportSections, ParseInput, ParseOptions, Problem, ProblemCode, Scope } from "./types";
