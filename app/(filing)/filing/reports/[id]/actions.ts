"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { saveDraft, submitReport, type DraftInput, type SaveOutcome, type SubmitOutcome } from "@/lib/db/reports";

// The form sends its whole draft as one JSON value (a grid of ~200 cells autosaved every few seconds does not fit
// FormData well). Everything in it is untrusted: lib/db/reports parses it with the format engine's zod schemas and
// checks the caller's scope itself.
// ids and versions are PostgreSQL integers: anything else is malformed input, not a database error
const isInt4 = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 2_147_483_647;

function asDraft(payload: unknown): DraftInput | null {
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Record<string, unknown>;
  if (!isInt4(p.reportId) || !isInt4(p.lockVersion)) return null;
  return { reportId: p.reportId, lockVersion: p.lockVersion, cells: p.cells, sections: p.sections, explanations: p.explanations };
}

const SIGNED_OUT = { ok: false as const, kind: "forbidden" as const, message: "登录已失效，请重新登录后再保存（您的修改仍保留在本页面）。" };
const BAD_INPUT = { ok: false as const, kind: "invalid" as const, message: "提交的数据格式不正确。", fieldErrors: { form: ["提交的数据格式不正确。"] } };

export async function saveDraftAction(payload: unknown): Promise<SaveOutcome> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const draft = asDraft(payload);
  if (!draft) return BAD_INPUT;
  // No revalidatePath here: a server action that revalidates anything renders the whole current page into its
  // response, and this one runs every few seconds per clerk (in bench:filing that render was most of a save's
  // cost). Nothing cached needs it either: /filing is rendered per request and the router keeps no dynamic pages.
  return saveDraft(user, draft);
}

export async function submitReportAction(payload: unknown): Promise<(SubmitOutcome & { ok: false }) | { ok: true; redirectTo: string }> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const draft = asDraft(payload);
  if (!draft) return BAD_INPUT;
  const result = await submitReport(user, draft);
  if (!result.ok) return result;
  // as in saveDraftAction: revalidating would render this form page once more only for the browser to leave it
  return { ok: true, redirectTo: `/filing?submitted=${result.reportId}` };
}
