// The steps before demo data is written, shared by scripts/seed.ts and scripts/bench-data.ts: the region tree is
// loaded when absent, and a database that already holds agencies or reports is left alone unless `reset`.
import type pg from "pg";
import { loadRegions } from "../../lib/regions/load";
import { existingDemoData, resetDemoData } from "../../lib/demo/write";

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints what it did; false when existing data stays (no reset), and nothing may be written. */
export async function prepareForDemoData(client: pg.Client, reset: boolean): Promise<boolean> {
  const regions = await loadRegions(client);
  console.log(
    regions.skipped
      ? `Regions: all ${regions.total} already loaded (${secs(regions.ms)}).`
      : `Regions: ${regions.written} of ${regions.total} inserted or updated in ${secs(regions.ms)}.`,
  );

  const existing = await existingDemoData(client);
  if (existing.agencies + existing.reports === 0) return true;
  if (!reset) {
    console.log(
      `Demo data not written: the database already has ${existing.agencies} agencies and ${existing.reports} reports. ` +
        "Run with --reset to replace them.",
    );
    return false;
  }
  const t = performance.now();
  const r = await resetDemoData(client);
  console.log(
    `Reset: removed ${r.reports} reports and ${r.agencies} agencies` +
      (r.keptAgencies ? ` (kept ${r.keptAgencies} agencies that user accounts point at)` : "") +
      ` in ${secs(performance.now() - t)}.`,
  );
  return true;
}
