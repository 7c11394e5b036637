// The public mix: real pages of the database under test, in proportions like a citizen's visits (report pages most,
// then agencies, regions, the home page). Chosen by a hash order, so two runs on the same data pick the same pages.
import pg from "pg";

export interface PublicMix {
  /** each entry one path; wrk picks uniformly, so a kind's share is its count */
  paths: string[];
  counts: { home: number; regions: number; agencies: number; reports: number };
  /** one typical published report page, for the single-page scenarios */
  reportPath: string;
  reportLabel: string;
}

export async function pickPublicMix(url: string): Promise<PublicMix> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
    // region pages of every level that has published reports under it: provinces, prefectures, counties, townships
    const regions: string[] = [];
    for (const [len, take] of [
      [2, 4],
      [4, 8],
      [6, 10],
      [9, 6],
    ] as const) {
      const rows = await q<{ code: string }>(
        `SELECT DISTINCT g.code FROM "Agency" a JOIN "Region" g ON g.code = substr(a."regionCode", 1, $1)
         WHERE length(a."regionCode") >= $1 AND EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a.id AND r."publishedRevisionId" IS NOT NULL)`,
        [len],
      );
      regions.push(...rows.map((r) => r.code).sort((a, b) => hash(a) - hash(b)).slice(0, take));
    }
    const agencies = await q<{ id: number }>(
      `SELECT a.id FROM "Agency" a WHERE EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a.id AND r."publishedRevisionId" IS NOT NULL)
       ORDER BY md5(a.id::text) LIMIT 70`,
    );
    const reports = await q<{ id: number }>(`SELECT id FROM "Report" WHERE "publishedRevisionId" IS NOT NULL ORDER BY md5(id::text) LIMIT 140`);
    if (reports.length === 0) throw new Error("the database has no published report");
    // The single report page: the 2022 sample report (official 2021 format, every table filled), when present.
    const sample = await q<{ id: number; name: string; year: number }>(
      `SELECT r.id, a.name, r.year FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
       WHERE a.name = '友谊县友谊镇人民政府' AND r.year = 2022 AND r."publishedRevisionId" IS NOT NULL`,
    );
    const one =
      sample[0] ??
      (
        await q<{ id: number; name: string; year: number }>(
          `SELECT r.id, a.name, r.year FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId" WHERE r.id = $1`,
          [reports[0]!.id],
        )
      )[0]!;
    const paths = [
      "/",
      "/",
      "/regions",
      ...regions.map((c) => `/regions/${c}`),
      ...agencies.map((a) => `/agencies/${a.id}`),
      ...reports.map((r) => `/reports/${r.id}`),
    ];
    return {
      paths,
      counts: { home: 2, regions: regions.length + 1, agencies: agencies.length, reports: reports.length },
      reportPath: `/reports/${one.id}`,
      reportLabel: `${one.name} ${one.year}年度`,
    };
  } finally {
    await client.end();
  }
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Requests every path once (a few at a time) and fails on anything but 200: a mix with broken pages would measure
 * error pages. Through nginx this also fills its cache, as visitors would have before the measured minutes.
 */
export async function checkAndWarm(base: string, paths: string[], concurrency = 4): Promise<void> {
  const unique = [...new Set(paths)];
  let next = 0;
  const bad: string[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < unique.length) {
        const p = unique[next++]!;
        const res = await fetch(base + p, { signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        if (res.status !== 200) bad.push(`${p} → ${res.status}`);
      }
    }),
  );
  if (bad.length) throw new Error(`pages of the mix do not answer 200: ${bad.slice(0, 5).join(", ")}`);
}
