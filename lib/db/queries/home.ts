import "server-only";
import { db } from "../client";

/** The report year whose filing season is the latest to have started (reports for year Y are filed from 1 January Y+1). */
export function currentFilingYear(now = new Date()): number {
  const shanghaiYear = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
  return shanghaiYear - 1;
}

export async function getSeasonCounts(year: number) {
  const [byStatus, agencies] = await Promise.all([
    db().report.groupBy({ by: ["status"], where: { year }, _count: { _all: true } }),
    db().agency.count(),
  ]);
  const counts = { DRAFT: 0, SUBMITTED: 0, RETURNED: 0, PUBLISHED: 0 } as Record<string, number>;
  for (const row of byStatus) counts[row.status] = row._count._all;
  return { year, agencies, published: counts.PUBLISHED, inProgress: counts.DRAFT + counts.SUBMITTED + counts.RETURNED };
}

export async function listLatestPublished(limit = 10) {
  return db().report.findMany({
    where: { publishedRevisionId: { not: null } },
    orderBy: [{ publishedRevision: { publishedAt: "desc" } }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      year: true,
      scope: true,
      agency: { select: { id: true, name: true, region: { select: { code: true, name: true } } } },
      publishedRevision: { select: { publishedAt: true } },
    },
  });
}
