// The progress charts are SVG/markup drawn on the server; the tables beside them carry the numbers for assistive tech.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { MasteryChart } from "@/app/progress/mastery-chart";
import { MasteryTrendChart } from "@/app/progress/mastery-trend-chart";

const SERIES = [
  { id: "a", label: "Sanctions", color: "#2a857c", dash: "" },
  { id: "b", label: "THAAD", color: "#d97706", dash: "6 3" },
];

it("draws one line per run of answered days and breaks it where a topic has no answers yet", () => {
  const points = [
    { label: "Nov 1", values: { a: 40, b: null } },
    { label: "Nov 2", values: { a: 60, b: 20 } },
    { label: "Nov 3", values: { a: null, b: 50 } },
    { label: "Nov 4", values: { a: 80, b: 70 } },
  ];
  const html = renderToStaticMarkup(createElement(MasteryTrendChart, { series: SERIES, points }));
  // a: [40, 60] then [80] → one polyline and a lone dot; b: [20, 50, 70] → one polyline.
  expect(html.match(/<polyline/g)).toHaveLength(2);
  expect(html.match(/<circle/g)).toHaveLength(6);
  expect(html).toContain('stroke-dasharray="6 3"');
  expect(html).toContain('aria-hidden="true"');
  for (const label of ["Nov 1", "Nov 4", "0%", "100%"]) expect(html).toContain(label);
});

it("places a higher percentage higher on the chart and clamps out-of-range values", () => {
  const html = renderToStaticMarkup(createElement(MasteryTrendChart, { series: [SERIES[0]!], points: [{ label: "d1", values: { a: 10 } }, { label: "d2", values: { a: 90 } }, { label: "d3", values: { a: 140 } }] }));
  const ys = [...html.matchAll(/<circle[^>]*cy="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(ys).toHaveLength(3);
  expect(ys[1]!).toBeLessThan(ys[0]!);
  // 140 % is drawn on the 100 % grid line (the top one), not above the plot.
  const gridYs = [...html.matchAll(/<line[^>]*y1="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(gridYs.length).toBeGreaterThan(1);
  expect(ys[2]).toBe(Math.min(...gridYs));
});

it("shows no more than about six day labels on a long history, always the first and last", () => {
  const points = Array.from({ length: 30 }, (_, i) => ({ label: `D${i + 1}`, values: { a: i } }));
  const html = renderToStaticMarkup(createElement(MasteryTrendChart, { series: [SERIES[0]!], points }));
  const labels = [...html.matchAll(/>(D\d+)</g)].map((m) => m[1]);
  expect(labels.length).toBeLessThanOrEqual(7);
  expect(labels).toContain("D1");
  expect(labels).toContain("D30");
});

it("draws mastery bars with the level's colour and the percentage as text", () => {
  const html = renderToStaticMarkup(createElement(MasteryChart, { rows: [{ label: "UN sanctions", percent: 85, level: "Mastered" }, { label: "THAAD", percent: 0, level: "Not started" }] }));
  expect(html).toContain("width:85%");
  expect(html).toContain("#1a5752");
  expect(html).toContain(">85%<");
  expect(html).toContain(">0%<");
});
