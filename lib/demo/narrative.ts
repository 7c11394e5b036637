// Plausible narrative sections for a generated report. Stock phrases, drawn per report, with the report's own numbers
// quoted where a real report quotes them (全年共收到政府信息公开申请N件 …), so text and tables agree.
// A paragraph is a line (the project's convention for narrative text), as splitSections returns them.
import { allKeys } from "../format";
import type { CellMap, FormatVersion, SectionKey } from "../format/types";
import { Rng } from "./prng";

export interface NarrativeContext {
  year: number;
  formatVersion: FormatVersion;
  cells: CellMap;
  agencyName: string;
  kind: string;
  scope: "OWN" | "SUMMARY";
  /** 我局 / 我镇 / 我区 … */
  self: string;
  /** 全区 / 全县 / 全市 … (summaries) */
  jurisdiction: string;
  /** the name of the government above, for "在…的指导下" */
  upper: string | null;
}

export type Sections = Record<SectionKey, string>;

const p = (...paras: string[]) => paras.filter((x) => x.trim() !== "").join("\n");
const ordinal = ["一", "二", "三", "四", "五", "六"];

export function narrative(rng: Rng, ctx: NarrativeContext): Sections {
  const n = (k: string) => ctx.cells[k] ?? 0;
  return {
    s1_overall: overall(rng, ctx, n),
    s2_active: active(rng, ctx, n),
    s3_requests: requests(rng, ctx, n),
    s4_reviewLitigation: reviewLitigation(ctx, n),
    s5_problems: problems(rng, ctx),
    s6_other: other(rng, ctx),
  };
}

function subject(ctx: NarrativeContext): string {
  return ctx.scope === "SUMMARY" ? `${ctx.jurisdiction}各级行政机关` : ctx.self;
}

function overall(rng: Rng, ctx: NarrativeContext, n: (k: string) => number): string {
  const y = ctx.year;
  const intro = rng.pick([
    `${y}年，${ctx.agencyName}深入贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级关于政务公开工作的部署要求，坚持“以公开为常态、不公开为例外”，推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新成效。`,
    `${y}年，${ctx.self}认真落实《中华人民共和国政府信息公开条例》（以下简称《条例》），不断完善公开制度、拓展公开渠道、提升公开质量，较好地完成了全年政府信息公开各项工作任务。`,
    `${y}年，${ctx.upper ? `在${ctx.upper}的指导下，` : ""}${ctx.self}严格按照《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，扎实做好主动公开、依申请公开、政府信息管理、平台建设和监督保障等工作。`,
  ]);
  const scale = ctx.scope === "SUMMARY" ? 40 : ctx.kind === "TOWNSHIP" || ctx.kind === "SUBDISTRICT" ? 3 : 8;
  const posted = Math.round(scale * rng.uniform(8, 30));
  const docs = n("active.art20_1.normativeDocs.newlyMade") + n("active.art20_1.normativeDocs.issued");
  const interpretations = Math.round(docs * rng.uniform(0.8, 1.5)) + rng.int(0, Math.max(1, Math.round(scale / 2)));
  const active = p(
    "（一）主动公开",
    rng.pick([
      `全年通过政府门户网站、政务新媒体等渠道主动公开政府信息${posted}条，其中政策文件${docs}件、政策解读${interpretations}篇。`,
      `${subject(ctx)}全年累计主动公开政府信息${posted}条，发布政策解读${interpretations}篇，重点做好财政预决算、重大建设项目、公共资源配置、社会公益事业等领域信息公开。`,
      `按照“应公开尽公开”的要求，全年主动公开政府信息${posted}条，及时更新机构职能、权责清单、办事指南等基础信息，同步开展政策解读${interpretations}篇。`,
    ]),
  );
  const received = n("requests.newReceived.total");
  const over = n("requests.carriedOver.total");
  const done = n("requests.results.total.total");
  const forward = n("requests.carriedForward.total");
  const requestText =
    received + over === 0
      ? `全年未收到政府信息公开申请。${ctx.self}进一步规范依申请公开受理、审查、答复等环节，确保申请渠道畅通。`
      : `全年共收到政府信息公开申请${received}件，上年结转${over}件，已办结${done}件，结转下年度继续办理${forward}件。` +
        rng.pick([
          "所有申请均在法定期限内予以答复，答复文书规范、依据充分。",
          "严格按照法定程序和时限办理，做到件件有登记、件件有答复。",
          "对申请内容不明确的，及时一次性告知申请人补正，提升答复质量。",
        ]);
  const request = p("（二）依申请公开", requestText);
  const inForce = n("active.art20_1.normativeDocs.inForce");
  const management = p(
    "（三）政府信息管理",
    rng.pick([
      "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”，全年未发生泄密事件。",
      `健全政府信息公开发布审核机制，对拟公开信息进行合法性、保密性审查，${ctx.formatVersion === "2021" ? `对现行有效的${inForce}件行政规范性文件进行梳理并集中公开。` : "对规范性文件进行清理并动态更新。"}`,
      "规范政府信息公开指南和目录，动态调整主动公开基本目录，确保公开信息准确、完整、及时。",
    ]),
  );
  const channels = Math.round(rng.uniform(1, 4));
  const platform = p(
    "（四）政府信息公开平台建设",
    rng.pick([
      `充分发挥政府门户网站第一平台作用，持续优化政府信息公开专栏，同时用好${channels}个政务新媒体账号，及时发布权威信息。`,
      "按照政府网站和政务新媒体有关规范要求，定期开展自查整改，做好栏目维护和内容更新，政务公开平台运行平稳。",
      "在政务服务大厅设立政务公开专区，为群众提供政府信息查阅、依申请公开受理等服务，线上线下公开渠道进一步拓展。",
    ]),
  );
  const trainings = rng.int(1, 6);
  const supervision = p(
    "（五）监督保障",
    ctx.scope === "SUMMARY"
      ? rng.pick([
          `将政务公开工作纳入年度绩效考核，全年组织业务培训${trainings}次，开展季度检查并通报结果。本年度未发生因政府信息公开工作被责任追究的情况。`,
          `健全政务公开工作考核、社会评议和责任追究制度，组织培训${trainings}次；社会评议满意度较高，全年未发生政府信息公开责任追究事项。`,
        ])
      : rng.pick([
          `明确分管领导和工作人员，全年组织学习培训${trainings}次，政务公开工作纳入年度目标考核。`,
          `落实政务公开工作责任制，主要负责同志定期听取工作汇报，全年开展业务培训${trainings}次，确保各项工作落到实处。`,
          "加强对政务公开工作的日常监督，主动接受社会监督，全年未收到关于政府信息公开工作的投诉。",
        ]),
  );
  const parts = [active, request, management, platform, supervision];
  // most reports have all five, some leave out one of the middle ones
  const leftOut = rng.chance(0.3) ? rng.int(2, 3) : -1;
  const kept = parts.filter((_, i) => i !== leftOut);
  return p(intro, ...kept.map((x, i) => x.replace(/^（[一二三四五]）/, `（${ordinal[i]}）`)));
}

function active(rng: Rng, ctx: NarrativeContext, n: (k: string) => number): string {
  const y = ctx.year;
  const lead = rng.pick([`${y}年，`, "本年度，", ""]);
  const who = ctx.scope === "SUMMARY" ? ctx.jurisdiction : ctx.self;
  const sentences: string[] = [];
  if (ctx.formatVersion === "2019") {
    const regs = n("active.art20_1.regulations.newlyMade");
    const made = n("active.art20_1.normativeDocs.newlyMade");
    const published = n("active.art20_1.normativeDocs.newlyPublished");
    const total = n("active.art20_1.normativeDocs.totalPublished");
    sentences.push(
      made + regs === 0
        ? `${lead}${who}未新制作规范性文件，对外公开规范性文件总数${total}件。`
        : `${lead}${who}${regs ? `新制作规章${regs}件，` : ""}新制作规范性文件${made}件，新公开${published}件，对外公开规范性文件总数${total}件。`,
    );
    const lic = n("active.art20_5.licensing.decisions");
    const licItems = n("active.art20_5.licensing.prevYearItems") + n("active.art20_5.licensing.change");
    const pun = n("active.art20_6.punishment.decisions");
    const coe = n("active.art20_6.coercion.decisions");
    if (lic + pun + coe > 0) {
      sentences.push(`行政许可事项${licItems}项，作出行政许可处理决定${lic}件；作出行政处罚决定${pun}件、行政强制决定${coe}件。`);
    }
    const projects = n("active.art20_9.centralProcurement.projects");
    if (projects > 0) {
      const amount = n("active.art20_9.centralProcurement.totalAmount") / 10000;
      sentences.push(`政府集中采购项目${projects}项，采购总金额${amount.toFixed(2)}万元。`);
    }
  } else {
    const regs = n("active.art20_1.regulations.issued");
    const issued = n("active.art20_1.normativeDocs.issued");
    const repealed = n("active.art20_1.normativeDocs.repealed");
    const inForce = n("active.art20_1.normativeDocs.inForce");
    sentences.push(
      issued + repealed === 0 && regs === 0
        ? `${lead}${who}未制发、废止行政规范性文件，现行有效行政规范性文件${inForce}件。`
        : `${lead}${who}${regs ? `制定规章${regs}件，` : ""}制发行政规范性文件${issued}件，废止${repealed}件，现行有效${inForce}件。`,
    );
    const lic = n("active.art20_5.licensing.decisions");
    const pun = n("active.art20_6.punishment.decisions");
    const coe = n("active.art20_6.coercion.decisions");
    if (lic + pun + coe > 0) sentences.push(`作出行政许可决定${lic}件，行政处罚决定${pun}件，行政强制决定${coe}件。`);
    const fees = n("active.art20_8.fees.amount");
    if (fees > 0) sentences.push(`收取行政事业性收费${fees}万元。`);
  }
  sentences.push(rng.pick(["具体数据见下表。", "有关情况详见下表。", ""]));
  return sentences.join("");
}

function requests(rng: Rng, ctx: NarrativeContext, n: (k: string) => number): string {
  const total = (row: string) => n(`requests.${row}.total`);
  const received = total("newReceived");
  const over = total("carriedOver");
  if (received + over === 0) {
    return rng.pick([
      `本年度${ctx.scope === "SUMMARY" ? ctx.jurisdiction : ctx.self}未收到政府信息公开申请，无上年结转申请。`,
      "本年度未收到政府信息公开申请。",
    ]);
  }
  const natural = n("requests.newReceived.natural");
  const orgs = received - natural;
  const sum = (prefix: string) => groupTotalKeys(ctx.formatVersion, prefix).reduce((s, k) => s + (ctx.cells[k] ?? 0), 0);
  const outcomes: [string, number][] = [
    ["予以公开", total("results.granted")],
    ["部分公开", total("results.partial")],
    ["不予公开", sum("denied.")],
    ["无法提供", sum("unable.")],
    ["不予处理", sum("notProcessed.")],
    ["其他处理", ctx.formatVersion === "2019" ? total("results.other") : sum("other.")],
  ];
  const done = total("results.total");
  const forward = total("carriedForward");
  const listed = outcomes.filter(([, v]) => v > 0).map(([label, v]) => `${label}${v}件`);
  const share = done > 0 ? Math.round(((total("results.granted") + total("results.partial")) / done) * 1000) / 10 : null;
  return p(
    `本年度${ctx.scope === "SUMMARY" ? `${ctx.jurisdiction}` : ""}共新收政府信息公开申请${received}件，其中自然人申请${natural}件，法人或其他组织申请${orgs}件；上年结转${over}件。`,
    `办理结果中，${listed.length ? listed.join("，") : "暂无办结"}，共办结${done}件${share ? `，予以公开和部分公开的占${share}%` : ""}；结转下年度继续办理${forward}件。`,
  );
}

const groupKeyCache = new Map<string, string[]>();
/** the 总计-column keys of the outcome rows under a group (denied., unable., notProcessed., other.) */
function groupTotalKeys(v: FormatVersion, prefix: string): string[] {
  const id = `${v}:${prefix}`;
  let keys = groupKeyCache.get(id);
  if (!keys) {
    keys = allKeys(v).filter((k) => k.startsWith(`requests.results.${prefix}`) && k.endsWith(".total"));
    groupKeyCache.set(id, keys);
  }
  return keys;
}

function reviewLitigation(ctx: NarrativeContext, n: (k: string) => number): string {
  const review = n("reviewLitigation.review.total");
  const direct = n("reviewLitigation.litigation.direct.total");
  const after = n("reviewLitigation.litigation.afterReview.total");
  const who = ctx.scope === "SUMMARY" ? ctx.jurisdiction : ctx.self;
  if (review + direct + after === 0) return `本年度${who}未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。`;
  const detail = (g: string) => {
    const parts: string[] = [];
    const add = (k: string, label: string) => {
      const v = n(`reviewLitigation.${g}.${k}`);
      if (v > 0) parts.push(`${label}${v}件`);
    };
    add("upheld", "结果维持");
    add("corrected", "结果纠正");
    add("other", "其他结果");
    add("pending", "尚未审结");
    return parts.join("、");
  };
  const sentences = [`本年度${who}因政府信息公开工作被申请行政复议${review}件${review ? `（${detail("review")}）` : ""}`];
  const lit = direct + after;
  sentences.push(
    lit === 0
      ? "未发生行政诉讼。"
      : `被提起行政诉讼${lit}件，其中未经复议直接起诉${direct}件${direct ? `（${detail("litigation.direct")}）` : ""}，复议后起诉${after}件${after ? `（${detail("litigation.afterReview")}）` : ""}。`,
  );
  const corrected = n("reviewLitigation.review.corrected") + n("reviewLitigation.litigation.direct.corrected") + n("reviewLitigation.litigation.afterReview.corrected");
  return p(
    sentences.join("，"),
    corrected > 0 ? "对被纠错的案件，已认真分析原因，举一反三，进一步规范答复程序和文书。" : "",
  );
}

const PROBLEMS = [
  "政策解读的形式还不够丰富，图表、音视频等解读方式运用较少",
  "主动公开的深度和广度还需拓展，部分重点领域信息更新不够及时",
  "依申请公开答复的规范化水平有待进一步提高",
  "政务公开工作人员多为兼职，业务能力有待提升",
  "政府信息公开专栏部分栏目更新不够及时",
  "政策文件公开与解读的同步性有待加强",
  "基层政务公开标准化规范化工作还需深化",
  "公众参与和互动回应的渠道还需进一步拓展",
  "对政务新媒体的管理和内容审核还需加强",
];

const MEASURES = [
  "加强业务培训，定期组织工作人员学习《条例》和相关规定，提升工作能力",
  "丰富解读形式，综合运用图解、视频、问答等方式开展政策解读",
  "规范依申请公开办理流程，严格按照法定时限和文书规范答复",
  "强化监督检查，定期对信息公开专栏进行自查，及时更新维护",
  "聚焦群众关切，加大重点领域信息公开力度",
  "完善政务公开工作制度，压实工作责任",
  "推进政务公开与政务服务深度融合，提升公开实效",
];

function problems(rng: Rng, ctx: NarrativeContext): string {
  const probs = rng.sample(PROBLEMS, rng.int(2, 3));
  const measures = rng.sample(MEASURES, rng.int(2, 4));
  const list = (xs: string[]) => xs.map((x, i) => `${ordinal[i]}是${x}`).join("；") + "。";
  const lastYear =
    ctx.year >= 2021
      ? rng.pick([
          `针对上年度报告中提出的问题，${ctx.self}通过加强培训、完善制度等措施认真整改，取得了一定成效。`,
          "上年度报告中提出的问题已基本整改到位。",
        ])
      : "";
  if (rng.chance(0.35)) {
    return p(`${ctx.self}政府信息公开工作虽取得一定成效，但仍存在一些不足：${list(probs)}`, `下一步，${ctx.self}将重点做好以下工作：${list(measures)}`, lastYear);
  }
  return p("（一）存在的主要问题", list(probs), "（二）改进措施", list(measures), lastYear);
}

function other(rng: Rng, ctx: NarrativeContext): string {
  const parts: string[] = [];
  if (ctx.formatVersion === "2021") {
    parts.push(
      rng.chance(0.93)
        ? rng.pick(["本年度未收取信息处理费。", "本年度未收取政府信息公开信息处理费。"])
        : `本年度依据《政府信息公开信息处理费管理办法》，共发出收费通知${rng.int(1, 2)}件，收取信息处理费${rng.pick([100, 200, 400, 600])}元。`,
    );
  }
  if (ctx.scope === "SUMMARY" || (ctx.kind === "DEPARTMENT" && rng.chance(0.4))) {
    const proposals = ctx.scope === "SUMMARY" ? rng.int(20, 120) : rng.int(1, 12);
    const suggestions = ctx.scope === "SUMMARY" ? rng.int(15, 90) : rng.int(0, 10);
    parts.push(
      `本年度${ctx.scope === "SUMMARY" ? "政府系统" : ctx.self}共承办人大代表建议${suggestions}件、政协提案${proposals}件，均已按期办结，办理结果依法公开，办复率100%。`,
    );
  }
  if (ctx.year >= 2021 && rng.chance(0.4)) parts.push("认真落实上级年度政务公开工作要点，各项任务均已按时完成。");
  if (parts.length === 0) parts.push(rng.pick(["本年度无其他需要报告的事项。", "无其他需要报告的事项。"]));
  return p(...parts);
}

/** Checks used by tests: the request numbers a narrative quotes. */
export function quotedReceived(sections: Sections): number | null {
  const m = /共(?:新)?收(?:到)?政府信息公开申请(\d+)件/.exec(sections.s3_requests + sections.s1_overall);
  return m ? Number(m[1]) : null;
}

