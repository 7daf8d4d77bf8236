import { describe, expect, it } from "vitest";
import type { ChartBar } from "../../src/rendering/report-view.ts";
import { barGeometry, CHART_FONTS, chartSvg } from "../../src/rendering/score-chart.ts";

const bar = (name: string, points: number, weight: number, rate: number): ChartBar => ({
  name,
  points,
  weight,
  rate,
});

describe("barGeometry", () => {
  it("draws a single bar of 90% as 0.9 of the 700-unit axis, 64 thick, centred in the 430-unit plot", () => {
    // band 430, thickness min(64, 430 × 0.6) = 64, top 100 + (430 − 64) / 2 = 283, length 0.9 × 700 = 630
    expect(barGeometry(90, 0, 1)).toEqual({ y: 283, thickness: 64, length: 630 });
  });

  it("splits the plot into equal bands: the second of two bars starts 215 lower", () => {
    // band 215, thickness 64, offset (215 − 64) / 2 = 75.5
    expect(barGeometry(50, 0, 2)).toEqual({ y: 175.5, thickness: 64, length: 350 });
    expect(barGeometry(50, 1, 2)).toEqual({ y: 390.5, thickness: 64, length: 350 });
  });

  it("makes bars thinner when there are many: six bars of 43 in bands of 71.67", () => {
    // band 430 / 6 = 71.667, thickness 43, third bar top 100 + 143.333 + 14.333 = 257.67
    expect(barGeometry(83.33, 2, 6)).toEqual({ y: 257.67, thickness: 43, length: 583.31 });
  });

  it("clamps rates outside 0–100% to the axis", () => {
    expect(barGeometry(120, 0, 1).length).toBe(700);
    expect(barGeometry(-5, 0, 1).length).toBe(0);
    expect(barGeometry(Number.NaN, 0, 1).length).toBe(0);
  });
});

describe("chartSvg", () => {
  const svg = chartSvg([bar("产出指标", 9, 10, 90)]);

  it("is a 1200 × 600 SVG using the CJK font families", () => {
    expect(
      svg.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600"',
      ),
    ).toBe(true);
    expect(svg).toContain(`font-family="${CHART_FONTS}"`);
    expect(CHART_FONTS).toBe("Noto Sans CJK SC, Noto Serif CJK SC, WenQuanYi Micro Hei, sans-serif");
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("draws the track to 100% and the bar to 90% from the axis at x = 240", () => {
    expect(svg).toContain('<rect x="240" y="283" width="700" height="64" fill="#E9EEF4"/>');
    expect(svg).toContain('<rect x="240" y="283" width="630" height="64" fill="#2F6DB5"/>');
  });

  it("labels the bar with the block name and its figures right of the 100% line", () => {
    expect(svg).toContain(
      '<text x="224" y="315" font-size="28" text-anchor="end" dominant-baseline="central" fill="#222222">产出指标</text>',
    );
    expect(svg).toContain(
      '<text x="956" y="315" font-size="24" dominant-baseline="central" fill="#222222"><tspan font-weight="bold">90%</tspan><tspan dx="10" fill="#5A6470">9/10分</tspan></text>',
    );
  });

  it("writes the ticks 0%–100% under the plot", () => {
    const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="566"[^>]*>(\d+%)<\/text>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(ticks).toEqual([
      ["240", "0%"],
      ["380", "20%"],
      ["520", "40%"],
      ["660", "60%"],
      ["800", "80%"],
      ["940", "100%"],
    ]);
  });

  it("shrinks a long block name to fit the 210 units left of the axis", () => {
    const long = chartSvg([bar("服务对象满意度指标情况", 8, 10, 80)]);
    // 11 characters: 210 / 11 = 19.09
    expect(long).toContain('font-size="19.09" text-anchor="end"');
  });

  it("escapes names and the title, and uses the given title", () => {
    const escaped = chartSvg([bar("A&B<C>", 1, 2, 50)], { title: "得分率 & 权重" });
    expect(escaped).toContain(">A&amp;B&lt;C&gt;</text>");
    expect(escaped).toContain(">得分率 &amp; 权重</text>");
    expect(svg).toContain(">各部分得分率</text>");
  });

  it("says there is no data when there are no bars", () => {
    const empty = chartSvg([]);
    expect(empty).toContain(">暂无得分数据</text>");
    expect(empty).not.toContain('<rect x="240"');
  });

  it("gives the same text for the same bars", () => {
    const bars = [bar("预算执行率", 9.71, 10, 97.1), bar("效益指标", 21.5, 30, 71.67)];
    expect(chartSvg(bars)).toBe(chartSvg(bars));
  });
});
