import "server-only";
import { db } from "../client";

export async function getAgencyWithReports(agencyId: number) {
  return db().agency.findUnique({
    where: { id: agencyId },
    select: {
      id: true,
      name: true,
      kind: true,
      regionCode: true,
      reports: {
        orderBy: { year: "desc" },
        select: {
          id: true,
          year: true,
          status: true,
          scope: true,
          formatVersion: true,
          firstPublishedAt: true,
          updatedAt: true,
          revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, state: true, submittedAt: true, updatedAt: true } },
        },
      },
    },
  });
}

export async function getRegionName(code: string | null) {
  if (!code) return null;
  return (await db().region.findUnique({ where: { code }, select: { name: true } }))?.name ?? null;
}
