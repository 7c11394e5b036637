// Which cached public pages show a report: after it is published or corrected, exactly these are purged from the
// shared HTTP cache (docs/deploy.md). Only URLs without a query string are cached there, so this list is complete:
// the report page, its agency's page, the page of every region above the agency (each lists counts and agencies),
// the region index, the home page (latest reports and totals) and the comparison index (regions with data).

/** The code and the codes of every region above it: "220802" → ["22", "2208", "220802"]. */
export function regionAndAncestors(code: string): string[] {
  const out: string[] = [];
  for (const len of [2, 4, 6, 9, 12]) if (code.length >= len) out.push(code.slice(0, len));
  return out;
}

export function publicPathsForReport(report: { id: number; agencyId: number; regionCode: string }): string[] {
  return [
    `/reports/${report.id}`,
    `/agencies/${report.agencyId}`,
    ...regionAndAncestors(report.regionCode).map((c) => `/regions/${c}`),
    "/regions",
    "/",
    "/compare",
  ];
}
