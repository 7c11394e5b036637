// GET /regions/[code]/download/{csv,xlsx,json}?year=YYYY: the published reports of a year by agencies in the region
// and below, one row per report (lib/export/README.md). Streamed batch by batch: memory stays flat however many
// reports there are.
import { getExportRegion, publishedReportBatches } from "@/lib/db/queries/export";
import { csvStream } from "@/lib/export/csv-export";
import { downloadHeaders, textResponse } from "@/lib/export/http";
import { jsonStream } from "@/lib/export/json-export";
import { xlsxStream } from "@/lib/export/xlsx-export";

const FORMATS = ["csv", "xlsx", "json"] as const;
type Format = (typeof FORMATS)[number];
const FIRST_YEAR = 2019;

type Context = { params: Promise<{ code: string; format: string }> };

/** The latest report year there can be: the current year in Beijing time. */
function latestYear(): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
}

export async function GET(request: Request, { params }: Context) {
  const { code, format } = await params;
  if (!(FORMATS as readonly string[]).includes(format)) return textResponse(404, "未找到该文件");
  const f = format as Format;
  const region = await getExportRegion(code);
  if (!region) return textResponse(404, "未找到该地区");
  const rawYear = new URL(request.url).searchParams.get("year") ?? "";
  const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
  if (!(year >= FIRST_YEAR && year <= latestYear())) {
    return textResponse(400, `请用 year 参数指定报告年度（${FIRST_YEAR}年至${latestYear()}年的四位数字），例如 ?year=2020`);
  }

  const name = `${region.name}（${region.code}）${year}年度政府信息公开工作年度报告数据`;
  const batches = publishedReportBatches(region.code, year);
  const body = f === "csv" ? csvStream(batches) : f === "json" ? jsonStream(batches) : xlsxStream(batches, name);
  return new Response(body, { headers: downloadHeaders(f, `${name}.${f}`, `reports-${region.code}-${year}.${f}`) });
}
