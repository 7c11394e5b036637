import type { SectionKey } from "./types";

export interface SectionDef {
  readonly key: SectionKey;
  readonly number: number;
  /** the official heading (spec §1) */
  readonly heading: string;
  /** other headings seen in real reports, for the importer */
  readonly headingVariants: readonly string[];
  /** whether the section holds fixed statistical tables (a narrative may still accompany them); which tables
   *  depends on the version: see sectionTables() */
  readonly hasTables: boolean;
}

export const SECTIONS: readonly SectionDef[] = [
  {
    key: "s1_overall",
    number: 1,
    heading: "一、总体情况",
    headingVariants: [],
    hasTables: false,
  },
  {
    key: "s2_active",
    number: 2,
    heading: "二、主动公开政府信息情况",
    headingVariants: [],
    hasTables: true,
  },
  {
    key: "s3_requests",
    number: 3,
    heading: "三、收到和处理政府信息公开申请情况",
    headingVariants: [],
    hasTables: true,
  },
  {
    key: "s4_reviewLitigation",
    number: 4,
    heading: "四、政府信息公开行政复议、行政诉讼情况",
    headingVariants: ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"],
    hasTables: true,
  },
  {
    key: "s5_problems",
    number: 5,
    heading: "五、存在的主要问题及改进情况",
    headingVariants: ["五、政府信息公开工作存在的主要问题及改进情况", "五、存在问题及改进情况"],
    hasTables: false,
  },
  {
    key: "s6_other",
    number: 6,
    heading: "六、其他需要报告的事项",
    headingVariants: [],
    hasTables: false,
  },
];

export const SECTION_KEYS: readonly SectionKey[] = SECTIONS.map((s) => s.key);

export function sectionDef(key: SectionKey): SectionDef {
  const s = SECTIONS.find((x) => x.key === key);
  if (!s) throw new Error(`unknown section ${key}`);
  return s;
}
