import "server-only";
import { db } from "../client";

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_PAGE_SIZE = 30;

/** Agencies whose name contains the query, or whose pinyin initials contain it ("tbq" → 洮北区…). */
export async function searchAgencies(query: string, page: number) {
  const q = query.trim();
  const latin = /^[a-z]+$/i.test(q);
  const where = latin
    ? { OR: [{ initials: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" as const } }] }
    : { name: { contains: q } };
  const [total, rows] = await Promise.all([
    db().agency.count({ where }),
    db().agency.findMany({
      where,
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      skip: (page - 1) * SEARCH_PAGE_SIZE,
      take: SEARCH_PAGE_SIZE,
      select: { id: true, name: true, kind: true, region: { select: { code: true, name: true } } },
    }),
  ]);
  return { total, rows };
}
