"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { purgeReportPages } from "@/lib/cache/purge";
import { publishReport, returnReport, startCorrection, type DecisionResult } from "@/lib/db/review";
import { SECTION_KEYS } from "@/lib/format";
import { parseId } from "@/lib/params";

/** On a refusal the form gets back what was typed, so a comment is never lost to a stale state or a typo. */
export type DecisionState = (DecisionResult & { values?: Record<string, string> }) | null;

function ids(formData: FormData) {
  return { reportId: parseId(String(formData.get("reportId") ?? "")), lockVersion: Number(formData.get("lockVersion")) };
}

function refresh(reportId: number) {
  revalidatePath("/review");
  revalidatePath(`/review/reports/${reportId}`);
  revalidatePath(`/reports/${reportId}`);
  revalidatePath("/filing");
  revalidatePath("/");
}

export async function returnAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, kind: "forbidden", message: "请先登录。" };
  const { reportId, lockVersion } = ids(formData);
  if (!reportId || !Number.isInteger(lockVersion)) return { ok: false, kind: "invalid", message: "请求不完整。" };
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, String(formData.get(`comment_${k}`) ?? "")]));
  const overall = String(formData.get("overall") ?? "");
  const result = await returnReport(actor, reportId, lockVersion, { overall, sections });
  if (result.ok) {
    refresh(reportId);
    redirect(`/review?done=returned`);
  }
  return { ...result, values: { overall, ...Object.fromEntries(Object.entries(sections).map(([k, v]) => [`comment_${k}`, v])) } };
}

export async function publishAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, kind: "forbidden", message: "请先登录。" };
  const { reportId, lockVersion } = ids(formData);
  if (!reportId || !Number.isInteger(lockVersion)) return { ok: false, kind: "invalid", message: "请求不完整。" };
  const result = await publishReport(actor, reportId, lockVersion);
  if (result.ok) {
    refresh(reportId);
    await purgeReportPages(reportId);
    redirect(`/review?done=published&report=${reportId}`);
  }
  return result;
}

export async function startCorrectionAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, kind: "forbidden", message: "请先登录。" };
  const reportId = parseId(String(formData.get("reportId") ?? ""));
  if (!reportId) return { ok: false, kind: "invalid", message: "请求不完整。" };
  const result = await startCorrection(actor, reportId, formData.get("reason"));
  if (!result.ok) return { ...result, values: { reason: String(formData.get("reason") ?? "") } };
  refresh(reportId);
  redirect(actor.role === "CLERK" ? `/filing/reports/${reportId}` : `/review/reports/${reportId}`);
}
