// The bulk import's second pass: one file for one agency. The file is parsed again here — what is stored is what
// the server read, never what a client says it read — and stored through lib/db/import-draft ("review" mode).
import { canBulkImport, type Actor } from "@/lib/auth/roles";
import { storeParsedReport, type ImportOutcome } from "@/lib/db/import-draft";
import { fromSameOrigin, parseUpload } from "@/lib/import/upload";
import { parseId } from "@/lib/params";
import { BUSY_MESSAGE, CROSS_SITE_MESSAGE, SIGNED_OUT_MESSAGE } from "@/app/api/import/parse/handler";

export async function handleBulkFile(user: Actor | null, request: Request): Promise<{ status: number; body: ImportOutcome | { error: string } }> {
  if (!user || user.banned) return { status: 401, body: { error: SIGNED_OUT_MESSAGE } };
  if (!fromSameOrigin(request)) return { status: 403, body: { error: CROSS_SITE_MESSAGE } };
  if (!canBulkImport(user)) return { status: 403, body: { error: "只有审核人和管理员可以批量导入。" } };
  const params = new URL(request.url).searchParams;
  const agencyId = parseId(params.get("agency"));
  if (!agencyId) return { status: 400, body: { error: "请选择要导入到的机关。" } };
  const yearParam = params.get("year");
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : null;
  const upload = await parseUpload(request);
  if ("busy" in upload) return { status: 503, body: { error: BUSY_MESSAGE } };
  const outcome = await storeParsedReport(user, { agencyId, file: upload.file, result: upload.result, year, mode: "review" });
  return { status: 200, body: outcome };
}
