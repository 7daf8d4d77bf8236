import { fmt, round } from "../scoring/rounding.ts";
import type { ChartBar } from "./report-view.ts";

/**
 * The score chart of a draft as SVG: one horizontal bar per first-level block showing its 得分率
 * (points / weight) on a 0–100% axis, a pale track behind each bar showing what was lost, and the
 * figures in a column right of the 100% line ("95%  9.5/10分"). Fixed size (1200 × 600) so that the PNG and the
 * Word page look the same every time; hand-written SVG so no browser or charting package is
 * needed. Pure and deterministic: the same bars give the same text.
 */

/** The canvas and the plot area, in SVG units. */
export const CHART_LAYOUT = {
  width: 1200,
  height: 600,
  /** Left end of the axis (0%); block names are right-aligned before it. */
  axisX: 240,
  /** Length of the axis from 0% to 100%. */
  axisLength: 700,
  plotTop: 100,
  plotBottom: 530,
  /** Bars take this share of their band, at most `maxBar` units thick. */
  barShare: 0.6,
  maxBar: 64,
} as const;

/** The font families tried in order: Noto CJK (fonts-noto-cjk), WenQuanYi, then any sans-serif. */
export const CHART_FONTS = "Noto Sans CJK SC, Noto Serif CJK SC, WenQuanYi Micro Hei, sans-serif";

const COLORS = {
  bar: "#2F6DB5",
  track: "#E9EEF4",
  grid: "#D5DCE5",
  axis: "#8A94A0",
  text: "#222222",
  muted: "#5A6470",
} as const;

/** Room for a block name left of the axis: longer names get a smaller font. */
const NAME_ROOM = 210;
const NAME_SIZE = 28;

/** The SVG text of the chart; `title` defaults to "各部分得分率". */
export function chartSvg(bars: readonly ChartBar[], options: { title?: string } = {}): string {
  const { width, height } = CHART_LAYOUT;
  const title = options.title ?? "各部分得分率";
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONTS}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="${width / 2}" y="56" font-size="34" font-weight="bold" text-anchor="middle" fill="${COLORS.text}">${escapeXml(title)}</text>`,
  ];
  if (bars.length === 0) {
    parts.push(
      `<text x="${width / 2}" y="${height / 2}" font-size="28" text-anchor="middle" fill="${COLORS.muted}">暂无得分数据</text>`,
    );
  } else {
    parts.push(...axis(), ...bars.flatMap((bar, i) => barShapes(bar, i, bars.length)));
  }
  parts.push("</svg>");
  return parts.join("\n");
}

/** Grid lines and tick labels at 0, 20, …, 100%, and the axis line at 0%. */
function axis(): string[] {
  const { axisX, axisLength, plotTop, plotBottom } = CHART_LAYOUT;
  const lines: string[] = [];
  for (let percent = 0; percent <= 100; percent += 20) {
    const x = num(axisX + (axisLength * percent) / 100);
    lines.push(
      `<line x1="${x}" y1="${plotTop}" x2="${x}" y2="${plotBottom}" stroke="${COLORS.grid}" stroke-width="1"/>`,
      `<text x="${x}" y="${plotBottom + 36}" font-size="24" text-anchor="middle" fill="${COLORS.muted}">${percent}%</text>`,
    );
  }
  lines.push(
    `<line x1="${axisX}" y1="${plotTop}" x2="${axisX}" y2="${plotBottom}" stroke="${COLORS.axis}" stroke-width="2"/>`,
  );
  return lines;
}

/** The geometry of bar `index` of `count`: top edge, thickness and length (rates outside 0–100 clamped). */
export function barGeometry(
  rate: number,
  index: number,
  count: number,
): { y: number; thickness: number; length: number } {
  const { axisLength, plotTop, plotBottom, barShare, maxBar } = CHART_LAYOUT;
  const band = (plotBottom - plotTop) / count;
  const thickness = Math.min(maxBar, band * barShare);
  const clamped = Math.min(100, Math.max(0, Number.isFinite(rate) ? rate : 0));
  return {
    y: round(plotTop + band * index + (band - thickness) / 2, 2),
    thickness: round(thickness, 2),
    length: round((axisLength * clamped) / 100, 2),
  };
}

function barShapes(bar: ChartBar, index: number, count: number): string[] {
  const { axisX, axisLength } = CHART_LAYOUT;
  const { y, thickness, length } = barGeometry(bar.rate, index, count);
  const middle = num(y + thickness / 2);
  const nameSize = num(Math.min(NAME_SIZE, NAME_ROOM / Math.max(1, [...bar.name].length)));
  const valueX = axisX + axisLength + 16;
  return [
    `<rect x="${axisX}" y="${num(y)}" width="${axisLength}" height="${num(thickness)}" fill="${COLORS.track}"/>`,
    `<rect x="${axisX}" y="${num(y)}" width="${num(length)}" height="${num(thickness)}" fill="${COLORS.bar}"/>`,
    `<text x="${axisX - 16}" y="${middle}" font-size="${nameSize}" text-anchor="end" dominant-baseline="central" fill="${COLORS.text}">${escapeXml(bar.name)}</text>`,
    `<text x="${valueX}" y="${middle}" font-size="24" dominant-baseline="central" fill="${COLORS.text}"><tspan font-weight="bold">${fmt(bar.rate)}%</tspan><tspan dx="10" fill="${COLORS.muted}">${fmt(bar.points)}/${fmt(bar.weight)}分</tspan></text>`,
  ];
}

/** A coordinate with at most two decimals and no trailing zeros. */
function num(value: number): string {
  return String(round(value, 2));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
