// The demo data set: agencies, reports 2019–2025 with their revisions, cells, narratives and audit trail, generated
// from a fixed seed (same seed and options → the same data set, field for field) and the three sample reports.
// Pure: no database. lib/demo/write.ts writes a data set; scripts/seed.ts does both.
import { computeDerived, formatForYear, leafKeys, validate } from "../format";
import type { CellMap, FormatVersion, Issue } from "../format/types";
import { buildRegionRows, RegionIndex } from "../regions/source";
import { jurisdictionWord, selfWord } from "./catalog";
import { narrative, type Sections } from "./narrative";
import { agencyPlan, cleanName, governmentName, planAgencies, type AgencyKind, type DemoAgency, type PlanOrder } from "./plan";
import { Rng } from "./prng";
import type { SampleReport } from "./samples";
import { APPLICANT_COLUMNS, generateYear, initialState, makeProfile, outcomeRows, stateAfter, type SeriesState } from "./series";
import {
  correctionTimeline,
  DEMO_AS_OF,
  pendingTimeline,
  publishedTimeline,
  type AuditAction,
  type RevisionState,
  type Timeline,
} from "./timeline";
import { initialsOf } from "../regions/initials";

export const DEMO_SEED = 20250131;
export const DEMO_FIRST_YEAR = 2019;
export const DEMO_LAST_YEAR = 2025;
export const DEFAULT_AGENCY_COUNT = 300;

export interface DemoRevision {
  number: number;
  state: RevisionState;
  reason: string | null;
  sections: Sections;
  /** every cell of the version, leaf and derived; null = blank */
  cells: CellMap;
  prefilled: string[];
  lockVersion: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
}

export interface DemoAuditEvent {
  at: Date;
  action: AuditAction;
  /** the revision the event is about (number within the report) */
  revisionNumber: number;
  detail: Record<string, unknown>;
}

export interface DemoReport {
  agencyKey: string;
  year: number;
  formatVersion: FormatVersion;
  scope: "OWN" | "SUMMARY";
  status: RevisionState;
  /** number of the newest published revision, null when none */
  publishedRevisionNumber: number | null;
  firstPublishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  revisions: DemoRevision[];
  audit: DemoAuditEvent[];
  /** "sample" for the three real reports */
  source: "generated" | "sample";
  sampleFile?: string;
}

export interface DemoDataset {
  seed: number;
  asOf: Date;
  agencies: (DemoAgency & { createdAt: Date })[];
  reports: DemoReport[];
}

export interface GenerateOptions {
  /** number of agencies (the sample agencies are always included); default 300 */
  agencies?: number;
  seed?: number;
  samples?: readonly SampleReport[];
  regions?: RegionIndex;
  asOf?: Date;
  /** check every revision with validate() (with last year's report as `previous`) and throw on an error; default true */
  check?: boolean;
}

export class DemoValidationError extends Error {
  constructor(
    readonly report: { agency: string; year: number; revision: number },
    readonly issues: Issue[],
  ) {
    super(`generated report ${report.agency} ${report.year} (revision ${report.revision}) fails validation: ${issues.map((i) => `${i.ruleId} ${i.message}`).join("; ")}`);
  }
}

let regionIndexCache: RegionIndex | null = null;
function defaultRegions(): RegionIndex {
  regionIndexCache ??= new RegionIndex(buildRegionRows({ withoutInitials: true }));
  return regionIndexCache;
}

export function generateDemo(opts: GenerateOptions = {}): DemoDataset {
  const seed = opts.seed ?? DEMO_SEED;
  const ix = opts.regions ?? defaultRegions();
  const samples = opts.samples ?? [];

  const agencies = planAgencies(ix, Math.max(0, opts.agencies ?? DEFAULT_AGENCY_COUNT), seed);
  const byKey = new Map(agencies.map((a) => [a.key, a]));
  for (const s of samples) {
    if (byKey.has(`${s.agency.regionCode}:${s.agency.name}`)) continue;
    for (const a of sampleAgencies(ix, s, byKey)) {
      agencies.push(a);
      byKey.set(a.key, a);
    }
  }

  const gen = new AgencyGenerator({ ...opts, seed, regions: ix, samples }, byKey);
  const reports: DemoReport[] = [];
  const withCreated = agencies.map((agency) => {
    const out = gen.generate(agency);
    reports.push(...out.reports);
    return out.agency;
  });
  return { seed, asOf: gen.asOf, agencies: withCreated, reports };
}

export interface StreamOptions extends Omit<GenerateOptions, "agencies"> {
  /** stop after exactly this many reports (the last agency keeps only its first years) */
  reports: number;
  /** which places come first; default "national" (the whole country, round-robin over the provinces) */
  order?: PlanOrder;
}

/** One agency and its reports, as streamDemo yields them. */
export interface DemoAgencyReports {
  agency: DemoDataset["agencies"][number];
  reports: DemoReport[];
}

/**
 * The data set for `reports` reports, agency by agency, holding only the current agency in memory (for
 * scripts/bench-data.ts: 100,000 reports are about 20 million cells). Agencies come in plan order (a government
 * before its departments and townships) and each comes with all its reports, so a consumer can write them in chunks.
 * Deterministic for a seed and order; a smaller run is a prefix of a larger one, except that its last agency may
 * stop earlier. Sample reports are included when their agency is reached.
 */
export function* streamDemo(opts: StreamOptions): Generator<DemoAgencyReports> {
  const seed = opts.seed ?? DEMO_SEED;
  const ix = opts.regions ?? defaultRegions();
  const byKey = new Map<string, DemoAgency>();
  const gen = new AgencyGenerator({ ...opts, seed, regions: ix }, byKey);
  let left = Math.max(0, Math.floor(opts.reports));
  if (left === 0) return;
  for (const agency of agencyPlan(ix, seed, opts.order ?? "national")) {
    byKey.set(agency.key, agency);
    const out = gen.generate(agency);
    if (out.reports.length === 0) continue;
    // Cutting the last agency's latest years keeps every carry-over chain intact (years only depend on earlier ones).
    const reports = out.reports.length > left ? out.reports.slice(0, left) : out.reports;
    left -= reports.length;
    yield { agency: out.agency, reports };
    if (left === 0) return;
  }
}

/** Generates one agency's reports; every agency draws from its own seeded stream. */
class AgencyGenerator {
  readonly asOf: Date;
  private readonly root: Rng;
  private readonly ix: RegionIndex;
  private readonly check: boolean;
  private readonly anchors = new Map<string, Map<number, SampleReport>>();

  constructor(
    opts: GenerateOptions & { seed: number; regions: RegionIndex },
    /** the agencies planned so far, by key (a department's government must be there for its narrative) */
    private readonly byKey: ReadonlyMap<string, DemoAgency>,
  ) {
    this.asOf = opts.asOf ?? DEMO_AS_OF;
    this.root = new Rng(opts.seed);
    this.ix = opts.regions;
    this.check = opts.check ?? true;
    for (const s of opts.samples ?? []) {
      const key = `${s.agency.regionCode}:${s.agency.name}`;
      const m = this.anchors.get(key) ?? new Map<number, SampleReport>();
      m.set(s.year, s);
      this.anchors.set(key, m);
    }
  }

  generate(agency: DemoAgency): { agency: DemoAgency & { createdAt: Date }; reports: DemoReport[] } {
    const { ix, asOf } = this;
    const rng = this.root.fork("agency", agency.key);
    const pins = this.anchors.get(agency.key);
    const firstPin = pins ? [...pins.values()].sort((x, y) => x.year - y.year)[0] : undefined;
    const profile = makeProfile(rng.fork("profile"), agency.kind, agency.level, agency.department, firstPin);
    let state: SeriesState = initialState(rng.fork("state"), profile, firstPin);
    const filing = filingPlan(rng.fork("filing"), agency, pins);
    const ctxBase = narrativeBase(ix, agency, this.byKey);
    let previous: { formatVersion: FormatVersion; cells: CellMap } | undefined;
    const reports: DemoReport[] = [];
    let firstActivity = Infinity;

    for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) {
      const v = formatForYear(year);
      const pin = pins?.get(year);
      let cells: CellMap;
      if (pin) {
        cells = pin.cells;
        state = stateAfter(v, cells, state);
      } else {
        const g = generateYear(rng.fork("year", year), year, profile, state, pins?.get(year + 1));
        cells = computeDerived(v, g.cells);
        state = g.state;
      }
      const status = filing.get(year);
      if (!status) {
        previous = undefined;
        continue;
      }
      const report = pin
        ? sampleReport(pin, agency)
        : generatedReport(rng.fork("report", year), agency, year, v, profile.scope, cells, status, ctxBase, previous, asOf);
      if (this.check) {
        for (const rev of report.revisions) {
          const errors = validate(v, rev.cells, { previous }).filter((i) => i.severity === "error");
          if (errors.length > 0) throw new DemoValidationError({ agency: agency.name, year, revision: rev.number }, errors);
        }
      }
      reports.push(report);
      firstActivity = Math.min(firstActivity, report.createdAt.getTime());
      const shown = report.revisions.find((r) => r.number === report.publishedRevisionNumber) ?? report.revisions[report.revisions.length - 1]!;
      previous = { formatVersion: v, cells: shown.cells };
    }

    const createdRng = this.root.fork("agency-created", agency.key);
    const first = Number.isFinite(firstActivity) ? firstActivity : Date.UTC(2025, 11, 15);
    const createdAt = new Date(first - createdRng.uniform(1, 40) * 24 * 3600_000);
    return { agency: { ...agency, createdAt }, reports };
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** A sample report's agency, and its government when that is missing too (a small run). */
function sampleAgencies(ix: RegionIndex, s: SampleReport, byKey: Map<string, DemoAgency>): DemoAgency[] {
  const region = ix.require(s.agency.regionCode);
  const jurisdictionCode = region.level === 4 ? region.parentCode! : region.code;
  const out: DemoAgency[] = [];
  let parentKey: string | null = null;
  if (s.agency.kind !== "GOVERNMENT") {
    const jurisdiction = ix.require(jurisdictionCode);
    const name = governmentName(ix, jurisdiction);
    parentKey = `${jurisdictionCode}:${name}`;
    if (!byKey.has(parentKey)) {
      out.push({
        key: parentKey,
        name,
        kind: "GOVERNMENT",
        regionCode: jurisdictionCode,
        parentKey: null,
        initials: initialsOf(name),
        level: jurisdiction.level as 2 | 3,
        jurisdictionCode,
      });
    }
  }
  out.push({
    key: `${s.agency.regionCode}:${s.agency.name}`,
    name: s.agency.name,
    kind: s.agency.kind,
    regionCode: s.agency.regionCode,
    parentKey,
    initials: initialsOf(s.agency.name),
    level: region.level as 2 | 3 | 4,
    jurisdictionCode,
  });
  return out;
}

type Filing = Map<number, RevisionState>;

/** Which years the agency filed in the portal, and in which state each report is. */
function filingPlan(rng: Rng, agency: DemoAgency, pins: Map<number, SampleReport> | undefined): Filing {
  const out: Filing = new Map();
  let start = Number(rng.weighted({ "2019": 74, "2020": 8, "2021": 7, "2022": 5, "2023": 4, "2024": 2 }));
  if (pins) start = Math.min(start, ...pins.keys());
  for (let y = start; y < DEMO_LAST_YEAR; y++) {
    if (pins?.has(y)) {
      out.set(y, "PUBLISHED");
      continue;
    }
    if (rng.chance(0.03)) continue; // a year the agency did not file in the portal
    out.set(y, y === DEMO_LAST_YEAR - 1 && rng.chance(0.03) ? rng.pick(["DRAFT", "SUBMITTED", "RETURNED"] as const) : "PUBLISHED");
  }
  const latest =
    agency.kind === "GOVERNMENT"
      ? rng.weighted({ PUBLISHED: 12, SUBMITTED: 15, RETURNED: 5, DRAFT: 45, NONE: 23 })
      : rng.weighted({ PUBLISHED: 55, SUBMITTED: 14, RETURNED: 7, DRAFT: 14, NONE: 10 });
  if (pins?.has(DEMO_LAST_YEAR)) out.set(DEMO_LAST_YEAR, "PUBLISHED");
  // The sample agencies' latest report is an open draft, so the demo clerk (友谊镇) has a report to fill in.
  else if (pins) out.set(DEMO_LAST_YEAR, "DRAFT");
  else if (latest !== "NONE") out.set(DEMO_LAST_YEAR, latest);
  return out;
}

interface NarrativeBase {
  agencyName: string;
  kind: AgencyKind;
  self: string;
  jurisdiction: string;
  upper: string | null;
}

function narrativeBase(ix: RegionIndex, agency: DemoAgency, byKey: ReadonlyMap<string, DemoAgency>): NarrativeBase {
  const region = ix.get(agency.regionCode);
  const regionName = region ? cleanName(region.name) : agency.name;
  const parent = agency.parentKey ? byKey.get(agency.parentKey) : undefined;
  return {
    agencyName: agency.name,
    kind: agency.kind,
    self: selfWord(agency.name, regionName, agency.kind),
    jurisdiction: jurisdictionWord(regionName),
    upper: parent?.name ?? null,
  };
}

function sampleReport(s: SampleReport, agency: DemoAgency): DemoReport {
  const imported = new Date(s.publishedAt.getTime() - 26 * 3600_000);
  const detail = { source: "sample", file: s.file };
  return {
    agencyKey: agency.key,
    year: s.year,
    formatVersion: s.formatVersion,
    scope: s.scope,
    status: "PUBLISHED",
    publishedRevisionNumber: 1,
    firstPublishedAt: s.publishedAt,
    createdAt: imported,
    updatedAt: s.publishedAt,
    source: "sample",
    sampleFile: s.file,
    revisions: [
      {
        number: 1,
        state: "PUBLISHED",
        reason: null,
        sections: { ...s.sections },
        cells: { ...s.cells },
        prefilled: [],
        lockVersion: 1,
        createdAt: imported,
        updatedAt: s.publishedAt,
        submittedAt: imported,
        publishedAt: s.publishedAt,
      },
    ],
    audit: [
      { at: imported, action: "IMPORTED", revisionNumber: 1, detail: { ...detail, to: "SUBMITTED" } },
      { at: s.publishedAt, action: "PUBLISHED", revisionNumber: 1, detail: { ...detail, from: "SUBMITTED", to: "PUBLISHED" } },
    ],
  };
}

const CARRIED_OVER_KEYS = APPLICANT_COLUMNS.map((c) => `requests.carriedOver.${c}`);

function generatedReport(
  rng: Rng,
  agency: DemoAgency,
  year: number,
  v: FormatVersion,
  scope: "OWN" | "SUMMARY",
  cells: CellMap,
  status: RevisionState,
  base: NarrativeBase,
  previous: { formatVersion: FormatVersion; cells: CellMap } | undefined,
  asOf: Date,
): DemoReport {
  // the same text seed for every version of the report, so a corrected revision differs only where it must
  const textSeed = hashOf(rng.fork("text"));
  const text = (c: CellMap) => narrative(new Rng(textSeed), { ...base, year, formatVersion: v, cells: c, scope });
  const timeline: Timeline = status === "PUBLISHED" ? publishedTimeline(rng.fork("time"), year, scope, asOf) : pendingTimeline(rng.fork("time"), year, status, asOf);

  let finalCells = cells;
  let sections = text(cells);
  let prefilled: string[] = [];
  if (status === "DRAFT" && year === DEMO_LAST_YEAR) {
    // a draft in progress: last year's carry-over pre-filled, the rest partly typed in
    prefilled = previous ? CARRIED_OVER_KEYS.filter(() => rng.chance(0.8)) : [];
    if (rng.chance(0.5)) {
      const leaf: CellMap = {};
      for (const k of leafKeys(v)) leaf[k] = k.startsWith("requests.") ? (cells[k] ?? null) : null;
      finalCells = computeDerived(v, leaf);
      sections = { ...sections, s2_active: "", s4_reviewLitigation: "", s5_problems: "", s6_other: "" };
    }
  }

  const rev1: DemoRevision = {
    number: 1,
    state: timeline.state,
    reason: null,
    sections,
    cells: finalCells,
    prefilled,
    lockVersion: rng.int(1, status === "DRAFT" ? 8 : 16),
    createdAt: timeline.createdAt,
    updatedAt: timeline.updatedAt,
    submittedAt: timeline.submittedAt,
    publishedAt: timeline.publishedAt,
  };
  const revisions: DemoRevision[] = [rev1];
  const audit: DemoAuditEvent[] = timeline.events.map((e) => ({
    at: e.at,
    action: e.action,
    revisionNumber: 1,
    detail: { source: "demo", from: e.from, to: e.to, ...(e.comment ? { comment: e.comment } : {}) },
  }));

  // a few published reports were corrected later (and a couple are being corrected right now)
  if (status === "PUBLISHED" && year < DEMO_LAST_YEAR && timeline.publishedAt) {
    const inProgress = year === DEMO_LAST_YEAR - 1 && rng.chance(0.01);
    if (inProgress || rng.chance(0.03)) {
      const t = correctionTimeline(rng.fork("correction"), timeline.publishedAt, inProgress, asOf);
      if (t) {
        const fix = inProgress ? null : correctionOf(rng.fork("fix"), v, cells, sections, year);
        const reason = fix?.reason ?? rng.pick(CORRECTION_REASONS_IN_PROGRESS);
        if (fix) {
          // revision 1 carried the mistake; revision 2 holds the correct report
          rev1.cells = fix.wrongCells;
          rev1.sections = fix.wrongCells === cells ? fix.wrongSections : text(fix.wrongCells);
        }
        revisions.push({
          number: 2,
          state: t.state,
          reason,
          sections,
          cells,
          prefilled: [],
          lockVersion: rng.int(1, 5),
          createdAt: t.createdAt,
          updatedAt: t.updatedAt,
          submittedAt: t.submittedAt,
          publishedAt: t.publishedAt,
        });
        for (const e of t.events) {
          audit.push({
            at: e.at,
            action: e.action,
            revisionNumber: 2,
            detail: { source: "demo", from: e.from, to: e.to, ...(e.action === "CORRECTION_STARTED" ? { reason } : {}) },
          });
        }
      }
    }
  }

  const latest = revisions[revisions.length - 1]!;
  const published = [...revisions].reverse().find((r) => r.state === "PUBLISHED");
  return {
    agencyKey: agency.key,
    year,
    formatVersion: v,
    scope,
    status: latest.state,
    publishedRevisionNumber: published?.number ?? null,
    firstPublishedAt: rev1.publishedAt,
    createdAt: rev1.createdAt,
    updatedAt: latest.updatedAt,
    source: "generated",
    revisions,
    audit,
  };
}

function hashOf(r: Rng): number {
  return Math.floor(r.next() * 2 ** 32);
}

const CORRECTION_REASONS_IN_PROGRESS = [
  "发现“三、收到和处理政府信息公开申请情况”表中部分数据有误，正在更正。",
  "根据上级审核意见，更正并补充完善“五、存在的主要问题及改进情况”。",
];

/** A plausible mistake the first revision carried, with the correction's reason. */
function correctionOf(
  rng: Rng,
  v: FormatVersion,
  cells: CellMap,
  sections: Sections,
  year: number,
): { wrongCells: CellMap; wrongSections: Sections; reason: string } {
  const kind = rng.pick(["requests", "active", "text"] as const);
  if (kind === "requests") {
    const rows = outcomeRows(v);
    for (const c of rng.sample(APPLICANT_COLUMNS, APPLICANT_COLUMNS.length)) {
      const from = rows.find((r) => (cells[`requests.${r}.${c}`] ?? 0) > 0 && (r === "results.granted" || r === "results.unable.notHeld"));
      if (!from) continue;
      const to = from === "results.granted" ? "results.unable.notHeld" : "results.granted";
      const leaf = leafOnly(v, cells);
      leaf[`requests.${from}.${c}`] = (leaf[`requests.${from}.${c}`] ?? 0) - 1;
      leaf[`requests.${to}.${c}`] = (leaf[`requests.${to}.${c}`] ?? 0) + 1;
      return {
        wrongCells: computeDerived(v, leaf),
        wrongSections: sections,
        reason: "更正“三、收到和处理政府信息公开申请情况”表中“予以公开”与“本机关不掌握相关政府信息”的件数统计错误。",
      };
    }
  }
  if (kind !== "text") {
    const key = "active.art20_5.licensing.decisions";
    const value = cells[key] ?? 0;
    if (value > 0) {
      const leaf = leafOnly(v, cells);
      leaf[key] = value + (rng.chance(0.5) || value < 10 ? 10 : -Math.min(value, 10)) * (value > 100 ? 10 : 1);
      if ((leaf[key] ?? 0) < 0) leaf[key] = 0;
      return {
        wrongCells: computeDerived(v, leaf),
        wrongSections: sections,
        reason: "更正“二、主动公开政府信息情况”中行政许可处理决定数量的统计错误。",
      };
    }
  }
  const wrongYear = `${year - 1}年`;
  return {
    wrongCells: cells,
    wrongSections: { ...sections, s1_overall: sections.s1_overall.replace(`${year}年`, wrongYear) },
    reason: "更正“一、总体情况”中的年份笔误。",
  };
}

function leafOnly(v: FormatVersion, cells: CellMap): CellMap {
  const leaf: CellMap = {};
  for (const k of leafKeys(v)) leaf[k] = cells[k] ?? null;
  return leaf;
}

/** Counts of a data set, for messages. */
export function summarize(ds: DemoDataset): { agencies: number; reports: number; revisions: number; cells: number; audit: number; byStatus: Record<string, number> } {
  const byStatus: Record<string, number> = {};
  let revisions = 0;
  let cells = 0;
  let audit = 0;
  for (const r of ds.reports) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    revisions += r.revisions.length;
    for (const rev of r.revisions) cells += Object.keys(rev.cells).length;
    audit += r.audit.length;
  }
  return { agencies: ds.agencies.length, reports: ds.reports.length, revisions, cells, audit, byStatus };
}
