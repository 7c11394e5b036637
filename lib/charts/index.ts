/**
 * Charts rendered on the server as SVG strings with ECharts' SSR mode (no canvas, no browser, no JavaScript on the
 * page): bar, stacked bar and line charts over a few categories (years). Every chart carries a text alternative
 * (role="img", aria-label and <title>) that states the numbers, and scales to its container (viewBox, width 100%,
 * no fixed height) so that it prints without clipping. Text is escaped by ECharts; the alternative text we add is
 * escaped here. Pages still show the numbers in a table next to each chart.
 */
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartType = "bar" | "stackedBar" | "line";

export interface ChartInput {
  /** what the chart shows, e.g. "本年新收申请数" (the start of the text alternative) */
  title: string;
  type: ChartType;
  /** category labels along the x axis (years) */
  categories: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  /** unit of the values: "件", or "%" for percentages */
  unit: string;
  width?: number;
  height?: number;
}

export interface RenderedChart {
  /** a complete <svg> element, safe to insert as HTML */
  svg: string;
  /** the text alternative (also inside the SVG) */
  label: string;
}

/** Colours with enough contrast on white, distinct in greyscale order; decals (patterns) distinguish them in print. */
export const CHART_COLORS = ["#1f4e8c", "#4f9d69", "#c0392b", "#d68910", "#7d3c98", "#5d6d7e"];

const MAX_TEXT = 200;

/** Chart text as plain text: no control characters, bounded length (ECharts escapes it for SVG). */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, MAX_TEXT);
}

/** Escapes text for an XML/HTML attribute value or text node. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function fmt(x: number | null, unit: string): string {
  if (x === null || !Number.isFinite(x)) return "无数据";
  const n = Number.isInteger(x) ? String(x) : String(Math.round(x * 10) / 10);
  return unit === "%" ? `${n}%` : `${n}${unit}`;
}

/** The text alternative: the chart's title and every value, category by category. */
export function chartSummary(input: ChartInput): string {
  const kind = input.type === "line" ? "折线图" : input.type === "stackedBar" ? "堆积柱状图" : "柱状图";
  const title = cleanText(input.title);
  if (input.categories.length === 0) return `${kind}：${title}，无数据。`;
  const parts = input.categories.map((c, i) => {
    const cat = cleanText(c);
    if (input.series.length === 1) return `${cat} ${fmt(input.series[0].values[i] ?? null, input.unit)}`;
    return `${cat}：${input.series.map((s) => `${cleanText(s.name)} ${fmt(s.values[i] ?? null, input.unit)}`).join("，")}`;
  });
  return `${kind}：${title}。${parts.join(input.series.length === 1 ? "，" : "；")}。`;
}

function option(input: ChartInput) {
  const multi = input.series.length > 1;
  const percent = input.unit === "%";
  const single = input.type === "bar" && !multi;
  return {
    animation: false,
    color: CHART_COLORS,
    aria: { enabled: true, decal: { show: input.type !== "line" && multi } },
    textStyle: { fontFamily: "sans-serif", fontSize: 13, color: "#334155" },
    legend: multi ? { top: 0, left: "center", itemGap: 14, textStyle: { fontSize: 12 } } : { show: false },
    grid: { left: 8, right: 16, top: multi ? 44 : 24, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "all" },
    xAxis: {
      type: "category",
      data: input.categories.map(cleanText),
      axisTick: { alignWithLabel: true },
      axisLabel: { color: "#334155" },
      axisLine: { lineStyle: { color: "#64748b" } },
    },
    yAxis: {
      type: "value",
      name: percent ? "%" : input.unit,
      nameTextStyle: { color: "#475569", align: "right" },
      minInterval: percent ? undefined : 1,
      max: percent ? 100 : undefined,
      min: 0,
      axisLabel: { color: "#475569" },
      splitLine: { lineStyle: { color: "#e2e8f0" } },
    },
    series: input.series.map((s) => ({
      name: cleanText(s.name),
      type: input.type === "line" ? "line" : "bar",
      stack: input.type === "stackedBar" ? "total" : undefined,
      barMaxWidth: 48,
      connectNulls: false,
      symbol: "circle",
      symbolSize: 7,
      lineStyle: { width: 2 },
      data: s.values.map((v) => (v === null || !Number.isFinite(v) ? null : v)),
      label: {
        show: single || input.type === "line",
        position: "top",
        color: "#1e293b",
        fontSize: 12,
        formatter: percent ? "{c}%" : "{c}",
      },
    })),
  };
}

/** Renders the chart; the SVG scales to its container's width and keeps its aspect ratio. */
export function renderChart(input: ChartInput): RenderedChart {
  const width = input.width ?? 640;
  const height = input.height ?? 320;
  const label = chartSummary(input);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option(input));
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const open = svg.match(/^<svg\b[^>]*>/);
  if (!open) throw new Error("ECharts did not return an <svg> element");
  const attrs = open[0]
    .replace(/\swidth="[^"]*"/, "")
    .replace(/\sheight="[^"]*"/, "")
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeXml(label)}" width="100%" preserveAspectRatio="xMidYMid meet" style="max-width:${width}px;height:auto;display:block"`);
  return { svg: `${attrs}<title>${escapeXml(label)}</title>${svg.slice(open[0].length)}`, label };
}
