// The clerk's 「创建草稿」 after the import preview: the corrected cells and sections come back from the browser and
// are checked again from scratch (the form's zod schemas, the caller's agency, the year) before anything is stored.
import type { Actor } from "@/lib/auth/roles";
import { storeImportedReport } from "@/lib/db/import-draft";
import type { CreateImportState } from "@/lib/import/preview";

export async function createFromForm(user: Actor | null, formData: FormData): Promise<{ ok: true; reportId: number } | { ok: false; state: CreateImportState }> {
  const fail = (message: string, fieldErrors: Record<string, string[]> = {}, existingReportId: number | null = null) => ({
    ok: false as const,
    state: { message, fieldErrors, existingReportId },
  });
  if (!user || user.banned) return fail("登录已失效，请重新登录（本页的修改在重新登录后需再次导入）。");
  if (user.role !== "CLERK" || !user.agencyId) return fail("只有填报人可以为本机关导入报告；审核人请使用「批量导入」。");
  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(String(formData.get("payload") ?? ""));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    payload = parsed as Record<string, unknown>;
  } catch {
    return fail("提交的数据格式不正确，请重新导入文件。", { form: ["提交的数据格式不正确。"] });
  }
  const yearText = String(formData.get("year") ?? "");
  const outcome = await storeImportedReport(
    user,
    {
      // always the clerk's own agency, whatever the page sent
      agencyId: user.agencyId,
      year: /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
      formatVersion: payload.formatVersion,
      scope: payload.scope,
      cells: payload.cells,
      sections: payload.sections,
      source: payload.source,
    },
    "draft",
  );
  if (outcome.ok) return { ok: true, reportId: outcome.reportId };
  if (outcome.kind === "exists") return fail(outcome.message, {}, outcome.reportId);
  return fail(outcome.message, outcome.kind === "invalid" ? outcome.fieldErrors : {});
}
