import "server-only";
// Supervisor decisions. A transition is one conditional UPDATE on the revision's state and lock version, so when
// two supervisors act at once exactly one transition happens and the other gets a clear message.
import { z } from "zod";
import { SECTION_KEYS, isFormatVersion } from "@/lib/format";
import { canReview, inScope, type Actor } from "@/lib/auth/roles";
import { db } from "./client";
import { regionRange } from "./queries/region-scope";

export type DecisionResult = { ok: true; message: string } | { ok: false; kind: "notFound" | "forbidden" | "stale" | "invalid"; message: string; fieldErrors?: Record<string, string[]> };

const STALE: DecisionResult = { ok: false, kind: "stale", message: "该报告的状态已被他人更改（可能已被退回或发布），请刷新页面查看最新状态。" };

async function loadForDecision(reportId: number) {
  return db().report.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      status: true,
      agencyId: true,
      firstPublishedAt: true,
      agency: { select: { regionCode: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, state: true, lockVersion: true } },
    },
  });
}

export const returnSchema = z.object({
  overall: z.string().trim().max(5000, "意见过长（不超过5000字）"),
  sections: z.partialRecord(z.enum(SECTION_KEYS as [string, ...string[]]), z.string().trim().max(5000, "意见过长（不超过5000字）")),
});

/** Sends a submission back with comments (at least one non-empty). Every round's comments are kept. */
export async function returnReport(actor: Actor, reportId: number, lockVersion: number, input: unknown): Promise<DecisionResult> {
  const report = await loadForDecision(reportId);
  if (!report) return { ok: false, kind: "notFound", message: "报告不存在。" };
  const rev = report.revisions[0]!;
  const scope = { agencyId: report.agencyId, agencyRegionCode: report.agency.regionCode, status: report.status };
  if (!inScope(actor, scope) || (actor.role !== "SUPERVISOR" && actor.role !== "ADMIN")) return { ok: false, kind: "forbidden", message: "您无权审核该报告。" };
  if (!canReview(actor, scope)) return STALE;
  const parsed = returnSchema.safeParse(input);
  if (!parsed.success) return { ok: false, kind: "invalid", message: "意见过长。", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const sectionComments = Object.entries(parsed.data.sections).filter((e): e is [string, string] => !!e[1]);
  if (!parsed.data.overall && sectionComments.length === 0) {
    return { ok: false, kind: "invalid", message: "退回时必须填写修改意见。", fieldErrors: { overall: ["请填写退回意见（总体意见或对某一部分的意见）。"] } };
  }
  const ok = await db().$transaction(async (tx) => {
    const moved = await tx.reportRevision.updateMany({
      where: { id: rev.id, state: "SUBMITTED", lockVersion },
      data: { state: "RETURNED", lockVersion: { increment: 1 } },
    });
    if (moved.count === 0) return false;
    const round = (await tx.auditEvent.count({ where: { revisionId: rev.id, action: "RETURNED" } })) + 1;
    const comments = [...(parsed.data.overall ? [[null, parsed.data.overall] as const] : []), ...sectionComments.map(([s, b]) => [s, b] as const)];
    await tx.reviewComment.createMany({ data: comments.map(([section, body]) => ({ revisionId: rev.id, section, body, authorId: actor.id, round })) });
    await tx.report.update({ where: { id: reportId }, data: { status: "RETURNED" } });
    await tx.auditEvent.create({
      data: { action: "RETURNED", reportId, revisionId: rev.id, actorId: actor.id, detail: { from: "SUBMITTED", to: "RETURNED", round, comments: Object.fromEntries(comments.map(([s, b]) => [s ?? "overall", b])) } },
    });
    return true;
  });
  return ok ? { ok: true, message: "已退回，填报人将看到您的意见。" } : STALE;
}

/** Publishing freezes the revision, stamps the date, and points the public pages at it at once. */
export async function publishReport(actor: Actor, reportId: number, lockVersion: number): Promise<DecisionResult> {
  const report = await loadForDecision(reportId);
  if (!report) return { ok: false, kind: "notFound", message: "报告不存在。" };
  const rev = report.revisions[0]!;
  const scope = { agencyId: report.agencyId, agencyRegionCode: report.agency.regionCode, status: report.status };
  if (!inScope(actor, scope) || (actor.role !== "SUPERVISOR" && actor.role !== "ADMIN")) return { ok: false, kind: "forbidden", message: "您无权审核该报告。" };
  if (!canReview(actor, scope)) return STALE;
  const now = new Date();
  const ok = await db().$transaction(async (tx) => {
    const moved = await tx.reportRevision.updateMany({
      where: { id: rev.id, state: "SUBMITTED", lockVersion },
      data: { state: "PUBLISHED", publishedAt: now, publishedById: actor.id, lockVersion: { increment: 1 } },
    });
    if (moved.count === 0) return false;
    await tx.report.update({
      where: { id: reportId },
      data: { status: "PUBLISHED", publishedRevisionId: rev.id, firstPublishedAt: report.firstPublishedAt ?? now },
    });
    await tx.auditEvent.create({
      data: { action: "PUBLISHED", reportId, revisionId: rev.id, actorId: actor.id, detail: { from: "SUBMITTED", to: "PUBLISHED", revision: rev.number, correction: rev.number > 1 } },
    });
    return true;
  });
  return ok ? { ok: true, message: rev.number > 1 ? `更正已发布（第${rev.number}版）。` : "已发布，公众现在可以看到该报告。" } : STALE;
}

/** A published report is corrected only through a new revision with a stated reason, reviewed like the first. */
export async function startCorrection(actor: Actor, reportId: number, reasonInput: unknown): Promise<DecisionResult & { revisionNumber?: number }> {
  const reason = z.string().trim().min(5, "请说明更正原因（至少5个字）").max(1000, "更正原因过长").safeParse(reasonInput);
  if (!reason.success) return { ok: false, kind: "invalid", message: reason.error.issues[0]!.message, fieldErrors: { reason: [reason.error.issues[0]!.message] } };
  const report = await loadForDecision(reportId);
  if (!report) return { ok: false, kind: "notFound", message: "报告不存在。" };
  const rev = report.revisions[0]!;
  const scope = { agencyId: report.agencyId, agencyRegionCode: report.agency.regionCode, status: report.status };
  const allowed = (actor.role === "CLERK" || actor.role === "SUPERVISOR") && inScope(actor, scope);
  if (!allowed) return { ok: false, kind: "forbidden", message: "您无权更正该报告。" };
  if (rev.state !== "PUBLISHED") return { ok: false, kind: "stale", message: "该报告已有正在进行的更正，或尚未发布。" };
  const published = await db().reportRevision.findUniqueOrThrow({ where: { id: rev.id }, include: { cells: true } });
  const created = await db().$transaction(async (tx) => {
    const next = await tx.reportRevision.create({
      data: {
        reportId,
        number: rev.number + 1,
        state: "DRAFT",
        reason: reason.data,
        ...Object.fromEntries(SECTION_KEYS.map((k) => [k, published[k]])),
        explanations: published.explanations ?? {},
      },
    });
    await tx.cell.createMany({ data: published.cells.map((c) => ({ revisionId: next.id, key: c.key, value: c.value })) });
    await tx.report.update({ where: { id: reportId }, data: { status: "DRAFT" } });
    await tx.auditEvent.create({
      data: { action: "CORRECTION_STARTED", reportId, revisionId: next.id, actorId: actor.id, detail: { reason: reason.data, from: rev.number, to: rev.number + 1 } },
    });
    return next.number;
  }).catch(() => null);
  if (created === null) return { ok: false, kind: "stale", message: "更正已由他人开始，请刷新页面。" };
  return { ok: true, message: `已开始第${created}版更正。`, revisionNumber: created };
}

/** Submitted reports in the actor's region and below, oldest submission first. */
export async function listReviewQueue(actor: Actor, limit = 100) {
  if (actor.role !== "SUPERVISOR" && actor.role !== "ADMIN") return [];
  const regionFilter = actor.role === "SUPERVISOR" && actor.regionCode ? { regionCode: regionRange(actor.regionCode) } : {};
  const revisions = await db().reportRevision.findMany({
    where: { state: "SUBMITTED", report: { agency: regionFilter } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      number: true,
      submittedAt: true,
      explanations: true,
      report: { select: { id: true, year: true, formatVersion: true, scope: true, agencyId: true, agency: { select: { id: true, name: true, regionCode: true } } } },
    },
  });
  return revisions.filter((r) => isFormatVersion(r.report.formatVersion));
}

export async function getAuditTrail(actor: Actor, reportId: number) {
  const report = await db().report.findUnique({ where: { id: reportId }, select: { agencyId: true, agency: { select: { regionCode: true } }, status: true } });
  if (!report) return null;
  if (actor.role === "CLERK" || !inScope(actor, { agencyId: report.agencyId, agencyRegionCode: report.agency.regionCode })) return null;
  return db().auditEvent.findMany({
    where: { reportId },
    orderBy: { id: "asc" },
    select: { id: true, at: true, action: true, detail: true, revision: { select: { number: true } }, actor: { select: { name: true, role: true } } },
  });
}
