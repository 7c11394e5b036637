export {
  DEFAULT_AGENCY_COUNT,
  DEMO_FIRST_YEAR,
  DEMO_LAST_YEAR,
  DEMO_SEED,
  DemoValidationError,
  generateDemo,
  summarize,
  type DemoAuditEvent,
  type DemoDataset,
  type DemoReport,
  type DemoRevision,
  type GenerateOptions,
} from "./generate";
export { loadSamples, SAMPLE_DEFINITIONS, type SampleReport } from "./samples";
export { existingDemoData, resetDemoData, writeDemo, type WriteOptions, type WriteResult } from "./write";
export { DEMO_AS_OF, deadlineFor } from "./timeline";
export { planAgencies, type AgencyKind, type DemoAgency } from "./plan";
