import "server-only";
import { db } from "@/lib/db/client";
import { publicPathsForReport } from "./public-paths";

// Purges a report's public pages from the shared HTTP cache in front of the app instances (nginx's proxy_cache with
// the cache-purge module; docs/deploy.md). CACHE_PURGE_URLS lists the purge endpoints, one per cache, comma-separated,
// e.g. "http://127.0.0.1:8080/__purge". Without it there is no shared cache and nothing to do.
//
// Best effort, never failing the publication that triggered it: the cache also expires entries on its own (a short
// TTL in the nginx configuration). A second purge a moment later removes a copy that a request which read the
// database just before the commit may have stored after the first purge.

const TIMEOUT_MS = 1000;
const SECOND_PURGE_MS = 1500;

function endpoints(): string[] {
  return (process.env.CACHE_PURGE_URLS ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/+$/, ""))
    .filter(Boolean);
}

async function purgePaths(paths: string[]): Promise<number> {
  let purged = 0;
  await Promise.all(
    endpoints().flatMap((base) =>
      paths.map(async (p) => {
        try {
          // 200: removed; 404: was not cached. Either way the next reader gets a fresh page.
          const res = await fetch(base + p, { method: "GET", signal: AbortSignal.timeout(TIMEOUT_MS) });
          if (res.ok) purged++;
          await res.body?.cancel();
        } catch (e) {
          console.warn(`[cache] purge ${base}${p} failed: ${(e as Error).message}`);
        }
      }),
    ),
  );
  return purged;
}

/** Removes the cached public pages that show this report, now and once more shortly after. */
export async function purgeReportPages(reportId: number): Promise<void> {
  if (endpoints().length === 0) return;
  const report = await db().report.findUnique({ where: { id: reportId }, select: { id: true, agencyId: true, agency: { select: { regionCode: true } } } });
  if (!report) return;
  const paths = publicPathsForReport({ id: report.id, agencyId: report.agencyId, regionCode: report.agency.regionCode });
  await purgePaths(paths);
  setTimeout(() => void purgePaths(paths), SECOND_PURGE_MS).unref();
}
