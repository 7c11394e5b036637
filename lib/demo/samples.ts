// The three real sample reports (copies of ../../shared/reports/ in ./samples/) as demo data, under their real
// agencies and regions. Sections come from splitSections; cells from the expected/*.json files (blank source cells
// are recorded there as 0 and kept so), with every derived cell computed from the leaves.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { computeDerived, leafKeys } from "../format";
import type { CellMap, FormatVersion } from "../format/types";
import { splitSections } from "../import/sections";
import type { AgencyKind } from "./plan";
import type { Sections } from "./narrative";
import { shanghaiDate } from "./timeline";

export interface SampleReport {
  file: string;
  agency: { name: string; kind: AgencyKind; regionCode: string };
  year: number;
  formatVersion: FormatVersion;
  scope: "OWN" | "SUMMARY";
  cells: CellMap;
  sections: Sections;
  title?: string;
  publishedAt: Date;
}

export const SAMPLE_DEFINITIONS = [
  {
    file: "district-2020",
    agency: { name: "白城市洮北区人民政府", kind: "GOVERNMENT", regionCode: "220802" },
    scope: "SUMMARY",
    publishedAt: shanghaiDate(2021, 1, 29, 10, 12),
  },
  {
    file: "prefecture-2020",
    // a 地区 has a 行政公署, not a 人民政府
    agency: { name: "大兴安岭地区行政公署", kind: "GOVERNMENT", regionCode: "2327" },
    scope: "SUMMARY",
    publishedAt: shanghaiDate(2021, 3, 26, 15, 40),
  },
  {
    file: "town-2022",
    agency: { name: "友谊县友谊镇人民政府", kind: "TOWNSHIP", regionCode: "230522100" },
    scope: "OWN",
    publishedAt: shanghaiDate(2023, 1, 20, 9, 35),
  },
] as const;

export function samplesDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), "samples");
}

export function loadSamples(dir = samplesDir()): SampleReport[] {
  return SAMPLE_DEFINITIONS.map((def) => {
    const text = fs.readFileSync(path.join(dir, `${def.file}.txt`), "utf8");
    const expected = JSON.parse(fs.readFileSync(path.join(dir, `${def.file}.json`), "utf8")) as {
      year: number;
      formatVersion: FormatVersion;
      cells: Record<string, number | null>;
    };
    const v = expected.formatVersion;
    const leaf: CellMap = {};
    for (const k of leafKeys(v)) leaf[k] = expected.cells[k] ?? null;
    const split = splitSections(text);
    return {
      file: `${def.file}.txt`,
      agency: { ...def.agency },
      year: expected.year,
      formatVersion: v,
      scope: def.scope,
      cells: computeDerived(v, leaf),
      sections: split.sections,
      ...(split.title ? { title: split.title } : {}),
      publishedAt: def.publishedAt,
    };
  });
}
