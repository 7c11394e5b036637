// When things happened to a generated report: created, submitted, returned, published — in Asia/Shanghai working
// hours, around the deadlines of decisions.md (31 January of the next year for departments, townships and street
// offices; 31 March for a government's own (summary) report). The demo is a snapshot as of DEMO_AS_OF, early in the
// 2025 filing season: nothing happens after it.

/** The moment the demo data describes: 2026-02-06 18:00 Asia/Shanghai. */
export const DEMO_AS_OF = new Date(Date.UTC(2026, 1, 6, 10, 0, 0));

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** 00:00 of a Shanghai calendar day as a UTC instant. */
export function shanghaiDate(y: number, m: number, d: number, h = 0, min = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h, min) - SHANGHAI);
}

/** The publication deadline of a report year: end of 31 January (own reports) or 31 March (summary), Shanghai. */
export function deadlineFor(scope: "OWN" | "SUMMARY", year: number): Date {
  const day = scope === "SUMMARY" ? shanghaiDate(year + 1, 3, 31) : shanghaiDate(year + 1, 1, 31);
  return new Date(day.getTime() + DAY - 1000);
}

export type RevisionState = "DRAFT" | "SUBMITTED" | "RETURNED" | "PUBLISHED";
export type AuditAction = "CREATED" | "SAVED" | "SUBMITTED" | "RETURNED" | "PUBLISHED" | "CORRECTION_STARTED" | "IMPORTED";

export interface TimelineEvent {
  action: AuditAction;
  at: Date;
  /** state of the revision before and after */
  from: RevisionState | null;
  to: RevisionState;
  comment?: string;
}

export interface Timeline {
  state: RevisionState;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  events: TimelineEvent[];
}

interface RngLike {
  next(): number;
  uniform(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** A random time between 08:30 and 18:00 on the Shanghai day of `t`. */
function workTime(rng: RngLike, t: number): Date {
  const dayStart = Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;
  return new Date(dayStart + 8.5 * HOUR + rng.uniform(0, 9.5) * HOUR);
}

const RETURN_COMMENTS = [
  "请核对“三、收到和处理政府信息公开申请情况”表中办理结果的数据。",
  "第二部分文字与表格数据不一致，请修改后重新提交。",
  "请补充“五、存在的主要问题及改进情况”中上年度问题的整改情况。",
  "请按照年度报告格式要求完善总体情况部分。",
  "结转下年度继续办理的件数与上年报告不一致，请核实。",
];

/** `t` moved into working hours of its day, if that keeps it inside (lo, hi); otherwise `t`. */
function workTimeWithin(rng: RngLike, t: number, lo: number, hi: number): number {
  const w = workTime(rng, t).getTime();
  return w > lo && w < hi ? w : t;
}

function reviewCycle(rng: RngLike, publishedOrEnd: number, floor: number, withReturn: boolean): { events: TimelineEvent[]; created: number; submitted: number } {
  const submitted = workTimeWithin(rng, Math.max(floor + 2 * HOUR, publishedOrEnd - rng.uniform(2 * HOUR, 5 * DAY)), floor + HOUR, publishedOrEnd);
  const events: TimelineEvent[] = [];
  let first = submitted;
  if (withReturn) {
    first = workTimeWithin(rng, Math.max(floor + HOUR, submitted - rng.uniform(1 * DAY, 6 * DAY)), floor, submitted);
    const returned = workTimeWithin(rng, first + (submitted - first) * rng.uniform(0.2, 0.8), first, submitted);
    events.push({ action: "SUBMITTED", at: new Date(first), from: "DRAFT", to: "SUBMITTED" });
    events.push({ action: "RETURNED", at: new Date(returned), from: "SUBMITTED", to: "RETURNED", comment: rng.pick(RETURN_COMMENTS) });
    events.push({ action: "SUBMITTED", at: new Date(submitted), from: "RETURNED", to: "SUBMITTED" });
  } else {
    events.push({ action: "SUBMITTED", at: new Date(submitted), from: "DRAFT", to: "SUBMITTED" });
  }
  const created = workTimeWithin(rng, Math.max(floor, first - rng.uniform(1 * DAY, 20 * DAY)), floor, first);
  return { events, created, submitted };
}

/** A report published in the portal. */
export function publishedTimeline(rng: RngLike, year: number, scope: "OWN" | "SUMMARY", asOf = DEMO_AS_OF): Timeline {
  const deadline = deadlineFor(scope, year).getTime();
  const onTimeShare = year === 2019 ? 0.8 : year === 2020 ? 0.86 : 0.9;
  let published: number;
  if (rng.chance(onTimeShare)) {
    const before = Math.pow(rng.next(), 1.6) * (scope === "SUMMARY" ? 45 : 24);
    published = workTime(rng, deadline - before * DAY).getTime();
  } else {
    const after = 1 + Math.floor(Math.pow(rng.next(), 2) * 70);
    published = workTime(rng, deadline + after * DAY).getTime();
  }
  const floor = shanghaiDate(year, 12, 1).getTime();
  if (published > asOf.getTime()) {
    // the season is still running: published in the last weeks before the snapshot
    published = workTime(rng, asOf.getTime() - rng.uniform(0.5, 25) * DAY).getTime();
    if (published > asOf.getTime()) published = asOf.getTime() - HOUR;
  }
  const cycle = reviewCycle(rng, published, floor, rng.chance(0.12));
  return {
    state: "PUBLISHED",
    createdAt: new Date(cycle.created),
    updatedAt: new Date(published),
    submittedAt: new Date(cycle.submitted),
    publishedAt: new Date(published),
    events: [
      { action: "CREATED", at: new Date(cycle.created), from: null, to: "DRAFT" },
      ...cycle.events,
      { action: "PUBLISHED", at: new Date(published), from: "SUBMITTED", to: "PUBLISHED" },
    ],
  };
}

/** A report not (yet) published: a draft, one waiting for review, or one returned to its clerk. */
export function pendingTimeline(rng: RngLike, year: number, state: Exclude<RevisionState, "PUBLISHED">, asOf = DEMO_AS_OF): Timeline {
  const start = shanghaiDate(year + 1, 1, 3).getTime();
  const end = Math.min(asOf.getTime(), shanghaiDate(year + 1, 3, 20).getTime());
  const span = Math.max(DAY, end - start);
  if (state === "DRAFT") {
    const created = workTimeWithin(rng, start + rng.uniform(0, 0.9) * span, start, end);
    const updated = workTimeWithin(rng, created + rng.uniform(0, 1) * (end - created), created, end);
    return {
      state,
      createdAt: new Date(created),
      updatedAt: new Date(updated),
      submittedAt: null,
      publishedAt: null,
      events: [{ action: "CREATED", at: new Date(created), from: null, to: "DRAFT" }],
    };
  }
  if (state === "SUBMITTED") {
    const submittedEnd = start + rng.uniform(0.3, 1) * span - HOUR;
    const cycle = reviewCycle(rng, submittedEnd + rng.uniform(HOUR, 2 * HOUR), start, rng.chance(0.15));
    return {
      state,
      createdAt: new Date(cycle.created),
      updatedAt: new Date(cycle.submitted),
      submittedAt: new Date(cycle.submitted),
      publishedAt: null,
      events: [{ action: "CREATED", at: new Date(cycle.created), from: null, to: "DRAFT" }, ...cycle.events],
    };
  }
  // RETURNED
  const returned = workTimeWithin(rng, start + rng.uniform(0.35, 1) * span - HOUR, start, end);
  const cycle = reviewCycle(rng, returned, start, false);
  return {
    state,
    createdAt: new Date(cycle.created),
    updatedAt: new Date(returned),
    submittedAt: new Date(cycle.submitted),
    publishedAt: null,
    events: [
      { action: "CREATED", at: new Date(cycle.created), from: null, to: "DRAFT" },
      ...cycle.events,
      { action: "RETURNED", at: new Date(returned), from: "SUBMITTED", to: "RETURNED", comment: rng.pick(RETURN_COMMENTS) },
    ],
  };
}

/** A correction of a published report: a second revision, published again (or still a draft when `inProgress`). */
export function correctionTimeline(rng: RngLike, firstPublished: Date, inProgress: boolean, asOf = DEMO_AS_OF): Timeline | null {
  const latest = asOf.getTime() - 2 * DAY;
  const created = workTime(rng, firstPublished.getTime() + rng.uniform(3, 120) * DAY).getTime();
  if (created > latest) return null;
  if (inProgress) {
    return {
      state: "DRAFT",
      createdAt: new Date(created),
      updatedAt: new Date(created + rng.uniform(0, 1) * (asOf.getTime() - created)),
      submittedAt: null,
      publishedAt: null,
      events: [{ action: "CORRECTION_STARTED", at: new Date(created), from: null, to: "DRAFT" }],
    };
  }
  const submitted = Math.min(latest, created + rng.uniform(HOUR, 3 * DAY));
  const published = Math.min(asOf.getTime() - HOUR, submitted + rng.uniform(2 * HOUR, 3 * DAY));
  return {
    state: "PUBLISHED",
    createdAt: new Date(created),
    updatedAt: new Date(published),
    submittedAt: new Date(submitted),
    publishedAt: new Date(published),
    events: [
      { action: "CORRECTION_STARTED", at: new Date(created), from: null, to: "DRAFT" },
      { action: "SUBMITTED", at: new Date(submitted), from: "DRAFT", to: "SUBMITTED" },
      { action: "PUBLISHED", at: new Date(published), from: "SUBMITTED", to: "PUBLISHED" },
    ],
  };
}
