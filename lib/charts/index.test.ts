import { describe, expect, it } from "vitest";
import { chartSummary, escapeXml, renderChart, type ChartInput } from "./index";

const input: ChartInput = {
  title: "本年新收申请数（件）",
  type: "bar",
  unit: "件",
  categories: ["2019年", "2020年", "2021年"],
  series: [{ name: "本年新收", values: [12, null, 30] }],
};

describe("server-side charts", () => {
  it("render an SVG with role=img, an accessible name stating the numbers, and a <title>", () => {
    const { svg, label } = renderChart(input);
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).toMatch(/^<svg role="img" aria-label="[^"]+"/);
    expect(label).toBe("柱状图：本年新收申请数（件）。2019年 12件，2020年 无数据，2021年 30件。");
    expect(svg).toContain(`<title>${label}</title>`);
    expect(svg).toContain("viewBox=\"0 0 640 320\"");
    expect(svg).not.toMatch(/^<svg[^>]*\sheight="/); // scales with the page, prints without clipping
    expect(svg).toContain(">2021年</text>");
    expect(svg.trim().endsWith("</svg>")).toBe(true);
  });

  it("escape every text that goes in (labels, series names, title)", () => {
    const evil: ChartInput = {
      title: `<script>alert("x")</script>&`,
      type: "stackedBar",
      unit: "件",
      categories: ["<img src=x onerror=alert(1)>", "2020年"],
      series: [
        { name: "</text><script>1</script>", values: [1, 2] },
        { name: "b\u0000\u001b", values: [3, 4] },
      ],
    };
    const { svg } = renderChart(evil);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<img/i);
    expect(svg).not.toMatch(/[\u0000-\u0008\u001b]/);
    expect(svg).toContain("&lt;script&gt;");
    expect(escapeXml(`a<b>&"'`)).toBe("a&lt;b&gt;&amp;&quot;&#39;");
  });

  it("summarise stacked and line charts category by category, with units", () => {
    expect(
      chartSummary({
        title: "纠错率",
        type: "line",
        unit: "%",
        categories: ["2019年", "2020年"],
        series: [
          { name: "复议纠错率", values: [25, null] },
          { name: "诉讼纠错率", values: [12.5, 0] },
        ],
      }),
    ).toBe("折线图：纠错率。2019年：复议纠错率 25%，诉讼纠错率 12.5%；2020年：复议纠错率 无数据，诉讼纠错率 0%。");
    expect(chartSummary({ ...input, categories: [], series: [] })).toBe("柱状图：本年新收申请数（件），无数据。");
  });

  it("render a stacked bar and a line chart with every series in the legend", () => {
    const stacked = renderChart({ ...input, type: "stackedBar", series: [{ name: "予以公开", values: [1, 2, 3] }, { name: "部分公开", values: [0, 1, null] }] });
    expect(stacked.svg).toContain(">予以公开</text>");
    expect(stacked.svg).toContain(">部分公开</text>");
    const line = renderChart({ ...input, type: "line", unit: "%", series: [{ name: "复议纠错率", values: [50, null, 0] }] });
    expect(line.svg).toContain("50%");
    expect(line.label).toContain("2019年 50%");
  });
});
