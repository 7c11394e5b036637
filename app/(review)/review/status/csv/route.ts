import { getCurrentUser } from "@/lib/auth/session";
import { filingStatus } from "@/lib/db/queries/oversight";
import { currentFilingYear } from "@/lib/db/queries/home";
import { allowedRegion } from "@/lib/review-scope";
import { AGENCY_KIND_LABELS } from "@/lib/deadlines";
import { formatDate } from "@/lib/dates";
import { CSV_BOM, csvLine } from "@/lib/csv";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.role === "CLERK") return new Response("无权访问", { status: 403 });
  const url = new URL(request.url);
  const region = allowedRegion(user, url.searchParams.get("region") ?? undefined);
  const year = Number(url.searchParams.get("year"));
  if (!region || !Number.isInteger(year) || year < 2019 || year > currentFilingYear()) return new Response("参数不正确", { status: 400 });
  const rows = await filingStatus(region, year);
  const body =
    CSV_BOM +
    csvLine(["agency", "agency_id", "region_code", "kind", "year", "state", "submitted_at", "published_at", "deadline", "on_time"]) +
    csvLine(["机关", "机关编号", "行政区划代码", "类别", "年度", "状态", "提交日期", "发布日期", "期限", "按期发布"]) +
    rows
      .map((r) =>
        csvLine([r.agencyName, r.agencyId, r.regionCode, AGENCY_KIND_LABELS[r.kind], year, r.state, formatDate(r.submittedAt), formatDate(r.publishedAt), formatDate(r.deadline), r.onTime ? "是" : "否"]),
      )
      .join("");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="filing-status-${region}-${year}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
