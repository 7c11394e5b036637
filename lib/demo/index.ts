export {
  DEFAULT_AGENCY_COUNT,
  DEMO_FIRST_YEAR,
  DEMO_LAST_YEAR,
  DEMO_SEED,
  DemoValidationError,
  generateDemo,
  streamDemo,
  summarize,
  type DemoAgencyReports,
  type DemoAuditEvent,
  type DemoDataset,
  type DemoReport,
  type DemoRevision,
  type GenerateOptions,
  type StreamOptions,
} from "./generate";
export { loadSamples, SAMPLE_DEFINITIONS, type SampleReport } from "./samples";
export { DemoWriter, existingDemoData, resetDemoData, writeDemo, type WriteOptions, type WriteResult } from "./write";
export { DEMO_AS_OF, deadlineFor } from "./timeline";
export { agencyPlan, planAgencies, type AgencyKind, type AgencyLevel, type DemoAgency, type PlanOrder } from "./plan";
