// The numbers of one agency's reports, 2019–2025, as one continuous series so that the cross-year rules hold:
//   - 上年结转 (requests.carriedOver.<col>) = last year's 结转下年度 (requests.carriedForward.<col>), every column;
//   - 2019 format: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减;
//   - 2021 format: 现行有效件数 = last year's 现行有效件数 + 本年制发 − 本年废止.
// The series runs through every year even when the agency did not file (a missing year in the portal is a report
// that was not filed there, not a year without work). A sample report pins its year: the years before it are bent
// so that they lead into the sample's numbers, the years after it continue from them.
import { formatForYear } from "../format";
import type { CellMap, FormatVersion } from "../format/types";
import type { DepartmentType } from "./catalog";
import { Rng } from "./prng";

export const APPLICANT_COLUMNS = ["natural", "commercial", "research", "socialWelfare", "legalService", "otherOrg"] as const;
const APPLICANT_SHARE = [0.82, 0.09, 0.01, 0.01, 0.04, 0.03];
const TOWNSHIP_APPLICANT_SHARE = [0.95, 0.02, 0, 0.01, 0.01, 0.01];

/** Outcome rows before （六）其他处理 with their typical shares (most applications are 予以公开 or 不掌握). */
const OUTCOMES_COMMON: readonly [string, number][] = [
  ["results.granted", 0.44],
  ["results.partial", 0.06],
  ["results.denied.stateSecret", 0.002],
  ["results.denied.lawForbidden", 0.004],
  ["results.denied.safetyStability", 0.002],
  ["results.denied.thirdParty", 0.015],
  ["results.denied.internalAffairs", 0.01],
  ["results.denied.processInfo", 0.015],
  ["results.denied.enforcementFile", 0.006],
  ["results.denied.adminQuery", 0.01],
  ["results.unable.notHeld", 0.23],
  ["results.unable.needCreate", 0.035],
  ["results.unable.stillUnclear", 0.02],
  ["results.notProcessed.petition", 0.045],
  ["results.notProcessed.repeat", 0.025],
  ["results.notProcessed.publication", 0.004],
  ["results.notProcessed.massive", 0.008],
  ["results.notProcessed.confirm", 0.01],
];
const OUTCOMES: Record<FormatVersion, readonly [string, number][]> = {
  "2019": [...OUTCOMES_COMMON, ["results.other", 0.05]],
  "2021": [
    ...OUTCOMES_COMMON,
    ["results.other.noFeePaid", 0.002],
    ["results.other.noCorrection", 0.03],
    ["results.other.other", 0.02],
  ],
};

/** The official order of the outcome rows of a version (for narratives and corrections). */
export function outcomeRows(v: FormatVersion): string[] {
  return OUTCOMES[v].map(([k]) => k);
}

const RL_GROUPS = ["review", "litigation.direct", "litigation.afterReview"] as const;
const RL_OUTCOMES = ["upheld", "corrected", "other", "pending"] as const;

/** How big an agency is: typical yearly numbers, from which each year is drawn. */
export interface Profile {
  scope: "OWN" | "SUMMARY";
  township: boolean;
  /** 依申请 applications a year */
  demand: number;
  /** cap on applications a year (departments: 60) */
  demandCap: number;
  licensing: number;
  otherServices: number;
  punishment: number;
  coercion: number;
  /** 规范性文件 a year */
  docs: number;
  /** makes 规章 (prefecture governments) */
  regulations: boolean;
  procurementProjects: number;
  /** 元 per procurement project */
  procurementAvg: number;
  /** 行政事业性收费 in 万元 a year (2021 format) */
  fees: number;
  /** fee items (2019 format) */
  feeItems: number;
  /** 复议 cases per application */
  reviewRate: number;
  /** share of applications still open at 31 December */
  carryRate: number;
}

const YEAR_FACTOR: Record<number, number> = { 2019: 0.8, 2020: 0.9, 2021: 1, 2022: 1.05, 2023: 1.1, 2024: 1.12, 2025: 1.15 };

export function makeProfile(
  rng: Rng,
  kind: string,
  level: 1 | 2 | 3 | 4,
  department: DepartmentType | undefined,
  anchor?: { formatVersion: FormatVersion; cells: CellMap },
): Profile {
  const a = (k: string) => anchor?.cells[k] ?? null;
  const noise = () => rng.logNormal(0.45);
  let p: Profile;
  if (kind === "GOVERNMENT") {
    // a summary of the whole jurisdiction: a province's is about three prefectures' worth, a prefecture's 2.5 counties'
    const size = level === 1 ? 2 : level === 2 ? 1 : 0;
    const by = (county: number, prefecture: number, province: number) => [county, prefecture, province][size]!;
    p = {
      scope: "SUMMARY",
      township: false,
      demand: by(35, 90, 280) * noise(),
      demandCap: Infinity,
      licensing: by(9000, 30000, 90000) * noise(),
      otherServices: by(12000, 40000, 120000) * noise(),
      punishment: by(1200, 5000, 15000) * noise(),
      coercion: by(60, 300, 900) * noise(),
      docs: by(6, 25, 60) * noise(),
      regulations: size > 0 && rng.chance(size === 2 ? 0.95 : 0.6),
      procurementProjects: by(60, 300, 900) * noise(),
      procurementAvg: rng.uniform(300_000, 900_000),
      fees: by(900, 4000, 12000) * noise(),
      feeItems: by(25, 90, 200) * noise(),
      reviewRate: 0.05,
      carryRate: 0.06,
    };
  } else if (kind === "TOWNSHIP" || kind === "SUBDISTRICT") {
    p = {
      scope: "OWN",
      township: true,
      demand: rng.chance(0.6) ? 0.3 * noise() : 1.2 * noise(),
      demandCap: 20,
      licensing: rng.chance(0.4) ? 20 * noise() : 0,
      otherServices: 200 * noise(),
      punishment: rng.chance(0.5) ? 8 * noise() : 0,
      coercion: 0,
      docs: rng.chance(0.2) ? 0.3 : 0,
      regulations: false,
      procurementProjects: rng.chance(0.5) ? 2 * noise() : 0,
      procurementAvg: rng.uniform(30_000, 200_000),
      fees: 0,
      feeItems: 0,
      reviewRate: 0.03,
      carryRate: 0.03,
    };
  } else {
    const d = department;
    const scale = level === 1 ? 3.5 : level === 2 ? 2.2 : 1;
    p = {
      scope: "OWN",
      township: false,
      demand: (d?.demand ?? 2) * scale * noise(),
      demandCap: 60,
      licensing: (d?.licensing ?? 0) * scale * noise(),
      otherServices: (d?.licensing ? d.licensing * 2 : 0) * scale * noise(),
      punishment: (d?.punishment ?? 0) * scale * noise(),
      coercion: (d?.coercion ?? 0) * scale * noise(),
      docs: (d?.key === "office" ? 4 : 0.8) * scale * noise(),
      regulations: false,
      procurementProjects: 4 * scale * noise(),
      procurementAvg: rng.uniform(50_000, 600_000),
      fees: d?.licensing ? 15 * scale * noise() : 0,
      feeItems: d?.licensing ? rng.int(0, 6) : 0,
      reviewRate: 0.04,
      carryRate: 0.08,
    };
  }
  // A sample report sets the scale of its agency's other years.
  const received = a("requests.newReceived.total");
  if (received !== null) p.demand = Math.max(0.3, received);
  const lic = a("active.art20_5.licensing.decisions");
  if (lic !== null) p.licensing = lic;
  const pun = a("active.art20_6.punishment.decisions");
  if (pun !== null) p.punishment = pun;
  const coe = a("active.art20_6.coercion.decisions");
  if (coe !== null) p.coercion = coe;
  const other = a("active.art20_5.otherServices.decisions");
  if (other !== null) p.otherServices = other;
  const docs = a("active.art20_1.normativeDocs.newlyMade") ?? a("active.art20_1.normativeDocs.issued");
  if (docs !== null) p.docs = Math.max(0.2, docs);
  const proj = a("active.art20_9.centralProcurement.projects");
  if (proj !== null) p.procurementProjects = proj;
  const amount = a("active.art20_9.centralProcurement.totalAmount");
  if (proj && amount !== null) p.procurementAvg = amount / proj;
  if (anchor && p.township && received === 0) p.demand = 0.2;
  return p;
}

/** What carries from one year to the next. */
export interface SeriesState {
  /** 结转下年度 of the last year, per applicant column */
  carry: number[];
  /** 2019 format: this year's 上一年项目数量 per row key ("art20_5.licensing" …) */
  items: Record<string, number>;
  /** 2019 format: 对外公开总数量 so far per row */
  published: Record<string, number>;
  /** 2021 format: 现行有效件数 at the end of last year per row, or null before the first 2021-format year */
  inForce: Record<string, number> | null;
}

const ITEM_ROWS = ["art20_5.licensing", "art20_5.otherServices", "art20_6.punishment", "art20_6.coercion", "art20_8.fees"] as const;
const DOC_ROWS = ["regulations", "normativeDocs"] as const;

/**
 * The state at the start of 2019. With a sample report in 2020 (2019 format), its 上一年项目数量 and 对外公开总数量
 * set the starting point, so that 2019's 本年增/减 is a small step into the sample's numbers.
 */
export function initialState(rng: Rng, p: Profile, anchor?: { year: number; formatVersion: FormatVersion; cells: CellMap }): SeriesState {
  const s = baseState(rng, p);
  if (anchor && anchor.year === 2020 && anchor.formatVersion === "2019") {
    const n = (k: string) => anchor.cells[k] ?? 0;
    for (const row of ITEM_ROWS) s.items[row] = Math.max(0, Math.round(n(`active.${row}.prevYearItems`) * rng.uniform(0.85, 1.1)));
    for (const row of DOC_ROWS) {
      const before = n(`active.art20_1.${row}.totalPublished`) - n(`active.art20_1.${row}.newlyPublished`);
      s.published[row] = Math.max(0, before - Math.round(p.docs * rng.uniform(0.5, 1.2)));
    }
  }
  return s;
}

function baseState(rng: Rng, p: Profile): SeriesState {
  const items: Record<string, number> = {
    "art20_5.licensing": p.licensing > 0 ? Math.max(1, Math.round(Math.sqrt(p.licensing) * rng.uniform(1, 3))) : 0,
    "art20_5.otherServices": p.otherServices > 0 ? Math.max(1, Math.round(Math.sqrt(p.otherServices) * rng.uniform(1, 2.5))) : 0,
    "art20_6.punishment": p.punishment > 0 ? Math.max(1, Math.round(Math.sqrt(p.punishment) * rng.uniform(2, 6))) : 0,
    "art20_6.coercion": p.coercion > 0 ? Math.max(1, Math.round(Math.sqrt(p.coercion) * rng.uniform(1, 3))) : 0,
    "art20_8.fees": Math.round(p.feeItems),
  };
  return {
    carry: APPLICANT_COLUMNS.map((_, i) => (i === 0 && rng.chance(p.carryRate * 3) ? rng.int(1, Math.max(1, Math.round(p.demand * 0.1))) : 0)),
    items,
    published: {
      regulations: p.regulations ? rng.int(5, 40) : 0,
      normativeDocs: Math.round(p.docs * rng.uniform(3, 8)),
    },
    inForce: null,
  };
}

/** Constraints from the next year's sample report, so that this year leads into it. */
export interface NextYearPin {
  formatVersion: FormatVersion;
  cells: CellMap;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Leaf cells of one year (all filled), and the state after it. */
export function generateYear(rng: Rng, year: number, p: Profile, state: SeriesState, next?: NextYearPin): { cells: CellMap; state: SeriesState } {
  const v = formatForYear(year);
  const cells: CellMap = {};
  const set = (k: string, n: number) => {
    cells[k] = n;
  };
  const yf = YEAR_FACTOR[year] ?? 1;
  const draw = (mean: number) => (mean <= 0 ? 0 : rng.poisson(mean * yf * rng.logNormal(0.25)));

  // ---- 三: requests
  const share = p.township ? TOWNSHIP_APPLICANT_SHARE : APPLICANT_SHARE;
  const newTotal = Math.min(p.demandCap, draw(p.demand));
  const received = rng.multinomial(newTotal, share);
  const over = state.carry.slice();
  const pinnedForward = next ? APPLICANT_COLUMNS.map((c) => next.cells[`requests.carriedOver.${c}`] ?? 0) : null;
  const forward = APPLICANT_COLUMNS.map((_, i) => {
    if (pinnedForward) return pinnedForward[i]!;
    return rng.binomial(received[i]! + over[i]!, p.carryRate);
  });
  APPLICANT_COLUMNS.forEach((_, i) => {
    // a pinned 结转 may need more applications than drawn
    if (received[i]! + over[i]! < forward[i]!) received[i] = forward[i]! - over[i]!;
  });
  const outcomes = OUTCOMES[v];
  const probs = outcomes.map(([, w]) => w);
  const perColumn = APPLICANT_COLUMNS.map((_, i) => rng.multinomial(received[i]! + over[i]! - forward[i]!, probs));
  APPLICANT_COLUMNS.forEach((c, i) => {
    set(`requests.newReceived.${c}`, received[i]!);
    set(`requests.carriedOver.${c}`, over[i]!);
    set(`requests.carriedForward.${c}`, forward[i]!);
    outcomes.forEach(([row], j) => set(`requests.${row}.${c}`, perColumn[i]![j]!));
  });

  // ---- 四: 复议 / 诉讼
  const reviews = rng.binomial(newTotal, p.reviewRate) + (rng.chance(0.02) ? 1 : 0);
  const direct = rng.binomial(newTotal, p.reviewRate * 0.4);
  const afterReview = rng.binomial(reviews, 0.25);
  const rl: Record<(typeof RL_GROUPS)[number], number> = { review: reviews, "litigation.direct": direct, "litigation.afterReview": afterReview };
  for (const g of RL_GROUPS) {
    const split = rng.multinomial(rl[g], [0.55, 0.1, 0.17, 0.18]);
    RL_OUTCOMES.forEach((o, j) => set(`reviewLitigation.${g}.${o}`, split[j]!));
  }

  // ---- 二: active disclosure
  const nextState: SeriesState = {
    carry: forward,
    items: { ...state.items },
    published: { ...state.published },
    inForce: state.inForce ? { ...state.inForce } : null,
  };
  const docsMade = { regulations: p.regulations ? draw(1.5) : 0, normativeDocs: draw(p.docs) };
  if (v === "2019") {
    for (const row of DOC_ROWS) {
      const made = docsMade[row];
      const published = Math.max(0, made - (made > 2 && rng.chance(0.15) ? 1 : 0));
      const total = state.published[row]! + published;
      set(`active.art20_1.${row}.newlyMade`, made);
      set(`active.art20_1.${row}.newlyPublished`, published);
      set(`active.art20_1.${row}.totalPublished`, total);
      nextState.published[row] = total;
    }
    const decisions: Record<string, number> = {
      "art20_5.licensing": draw(p.licensing),
      "art20_5.otherServices": draw(p.otherServices),
      "art20_6.punishment": draw(p.punishment),
      "art20_6.coercion": draw(p.coercion),
    };
    for (const row of ITEM_ROWS) {
      const prev = state.items[row]!;
      let change: number;
      const pinned = next?.formatVersion === "2019" ? next.cells[`active.${row}.prevYearItems`] : undefined;
      if (pinned !== undefined && pinned !== null) change = pinned - prev;
      else if (prev === 0) change = row === "art20_8.fees" || decisions[row] === 0 ? 0 : rng.int(0, 2);
      else change = Math.max(-prev, Math.round(prev * rng.uniform(-0.12, 0.2)));
      set(`active.${row}.prevYearItems`, prev);
      set(`active.${row}.change`, change);
      if (row !== "art20_8.fees") set(`active.${row}.decisions`, decisions[row]!);
      nextState.items[row] = prev + change;
    }
    const projects = draw(p.procurementProjects);
    set("active.art20_9.centralProcurement.projects", projects);
    set("active.art20_9.centralProcurement.totalAmount", projects === 0 ? 0 : round2(projects * p.procurementAvg * rng.logNormal(0.3)));
  } else {
    const start = state.inForce ?? {
      regulations: p.regulations ? rng.int(8, 40) : 0,
      normativeDocs: Math.round(p.docs * rng.uniform(2, 6)),
    };
    const inForce: Record<string, number> = {};
    for (const row of DOC_ROWS) {
      let issued = docsMade[row];
      const before = start[row]!;
      let repealed = Math.min(before + issued, rng.binomial(before, 0.06));
      let now = before + issued - repealed;
      // lead into next year's sample: its 现行有效 − 制发 + 废止 is this year's 现行有效
      if (next?.formatVersion === "2021") {
        const target =
          (next.cells[`active.art20_1.${row}.inForce`] ?? 0) -
          (next.cells[`active.art20_1.${row}.issued`] ?? 0) +
          (next.cells[`active.art20_1.${row}.repealed`] ?? 0);
        if (target >= 0) {
          const diff = target - before;
          if (diff >= 0) {
            repealed = Math.min(repealed, before);
            issued = diff + repealed;
          } else {
            issued = Math.min(issued, before);
            repealed = issued - diff;
          }
          now = target;
        }
      }
      set(`active.art20_1.${row}.issued`, issued);
      set(`active.art20_1.${row}.repealed`, repealed);
      set(`active.art20_1.${row}.inForce`, now);
      inForce[row] = now;
    }
    nextState.inForce = inForce;
    set("active.art20_5.licensing.decisions", draw(p.licensing));
    set("active.art20_6.punishment.decisions", draw(p.punishment));
    set("active.art20_6.coercion.decisions", draw(p.coercion));
    const fees = p.fees <= 0 ? 0 : p.fees * yf * rng.logNormal(0.3);
    set("active.art20_8.fees.amount", fees === 0 ? 0 : rng.chance(0.2) ? Math.round(fees * 10000) / 10000 : round2(fees));
  }
  return { cells, state: nextState };
}

/** The state after a sample report's year, taken from its cells. */
export function stateAfter(v: FormatVersion, cells: CellMap, before: SeriesState): SeriesState {
  const n = (k: string) => cells[k] ?? 0;
  const s: SeriesState = {
    carry: APPLICANT_COLUMNS.map((c) => n(`requests.carriedForward.${c}`)),
    items: { ...before.items },
    published: { ...before.published },
    inForce: before.inForce ? { ...before.inForce } : null,
  };
  if (v === "2019") {
    for (const row of ITEM_ROWS) s.items[row] = n(`active.${row}.prevYearItems`) + n(`active.${row}.change`);
    for (const row of DOC_ROWS) s.published[row] = n(`active.art20_1.${row}.totalPublished`);
  } else {
    s.inForce = { regulations: n("active.art20_1.regulations.inForce"), normativeDocs: n("active.art20_1.normativeDocs.inForce") };
  }
  return s;
}
