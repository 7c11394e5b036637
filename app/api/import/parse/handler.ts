// Parses one uploaded report for the import screens and stores nothing: the clerk's preview and the first pass of
// the bulk import. The caller is checked here (route.ts only reads the session).
import { canBulkImport, type Actor } from "@/lib/auth/roles";
import { matchImportAgency } from "@/lib/db/import-draft";
import { importBlocker, type ParsedUpload } from "@/lib/import/preview";
import { fromSameOrigin, parseUpload } from "@/lib/import/upload";

export const BUSY_MESSAGE = "服务器正忙（同时读取的文件过多），请稍后重试。";
export const SIGNED_OUT_MESSAGE = "登录已失效，请重新登录后再导入。";
export const CROSS_SITE_MESSAGE = "请求来自其他网站，已拒绝。";

export async function handleParse(user: Actor | null, request: Request): Promise<{ status: number; body: ParsedUpload | { error: string } }> {
  if (!user || user.banned) return { status: 401, body: { error: SIGNED_OUT_MESSAGE } };
  if (!fromSameOrigin(request)) return { status: 403, body: { error: CROSS_SITE_MESSAGE } };
  const upload = await parseUpload(request);
  if ("busy" in upload) return { status: 503, body: { error: BUSY_MESSAGE } };
  const blocker = importBlocker(upload.result);
  // The bulk import pre-selects the agency the report names, among those the user may import for.
  const wantsMatch = new URL(request.url).searchParams.get("match") === "1";
  const match = wantsMatch && !blocker && canBulkImport(user) ? await matchImportAgency(user, upload.result.agencyName) : null;
  return { status: 200, body: { file: upload.file, result: upload.result, blocker, match } };
}
