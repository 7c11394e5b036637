// Test fixture: a demo sample report (lib/demo/samples) as the builders receive it.
import { loadSamples } from "@/lib/demo/samples";
import type { ExportReport } from "./report";

export function sampleReport(file = "district-2020.txt", id = 1): ExportReport {
  const s = loadSamples().find((x) => x.file === file);
  if (!s) throw new Error(`no sample ${file}`);
  return {
    id,
    agencyName: s.agency.name,
    year: s.year,
    formatVersion: s.formatVersion,
    scope: s.scope,
    publishedAt: s.publishedAt,
    revisionId: id,
    revisionNumber: 1,
    revisionPublishedAt: s.publishedAt,
    isLatest: true,
    sections: s.sections,
    cells: s.cells,
  };
}
