import type { Locale } from '../../../shared/i18n.ts';
import { formatNumber } from './figures.ts';

const DAY_MS = 86_400_000;
/** About how wide a label of 11px text is: CJK characters are square, Latin ones about half as wide. */
const labelWidth = (text: string) => [...text].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 11 : 6.5), 0);

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A small SVG line chart: the figure over time as points, and the level a target asks for as a
 * dashed line up to its due day. Plain SVG, so it prints into the PDF as it shows on screen.
 */
export function progressChart(options: {
  title: string;
  points: { asOf: string; value: number }[];
  goals: { level: number; due: string | null; label: string }[];
  locale: Locale;
}): string {
  const { points, goals } = options;
  if (points.length === 0) return '';
  const width = 520;
  const height = 200;
  const pad = { left: 64, right: 16, top: 16, bottom: 32 };
  const days = [...points.map((p) => p.asOf), ...goals.map((g) => g.due).filter((d): d is string => !!d)].map((d) => Date.parse(d));
  const values = [...points.map((p) => p.value), ...goals.map((g) => g.level), 0];
  // A single day (one figure, its target due the same day) gets half a year either side, so the
  // point, its target's line and their labels have room instead of all sitting on the axis.
  const span = Math.max(...days) - Math.min(...days);
  const room = span < 60 * DAY_MS ? 182 * DAY_MS : 0;
  const [minX, maxX] = [Math.min(...days) - room, Math.max(...days) + 1 + room];
  const maxY = Math.max(...values) * 1.1 || 1;
  const x = (day: string) => pad.left + ((Date.parse(day) - minX) / (maxX - minX || 1)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.asOf).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = points
    .map((p) => `<circle cx="${x(p.asOf).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4" fill="#1c7ed6"><title>${escape(`${p.asOf}: ${formatNumber(p.value, options.locale)}`)}</title></circle>`)
    .join('');
  // Labels of close goal lines alternate above and below their line, so they do not overlap; a
  // label that would not fit between the axis and the line's end goes after the end instead.
  const goalLines = goals
    .map((g, i) => {
      const end = g.due ? x(g.due) : width - pad.right;
      const labelY = y(g.level) + (i % 2 === 0 ? -4 : 13);
      const fitsBefore = end - pad.left >= labelWidth(g.label) + 8;
      const label = fitsBefore ? `x="${(end - 4).toFixed(1)}" text-anchor="end"` : `x="${(end + 4).toFixed(1)}" text-anchor="start"`;
      return `<line x1="${pad.left}" x2="${end.toFixed(1)}" y1="${y(g.level).toFixed(1)}" y2="${y(g.level).toFixed(1)}" stroke="#e8590c" stroke-dasharray="6 4"/><text ${label} y="${labelY.toFixed(1)}" font-size="11" fill="#e8590c">${escape(g.label)}</text>`;
    })
    .join('');
  // The axis names its top value unless a goal line's label already stands at that height.
  const top = Math.round(maxY / 1.1);
  const topLabel = goals.some((g) => Math.abs(y(g.level) - y(top)) < 14)
    ? ''
    : `<text x="${pad.left - 6}" y="${y(top) + 4}" text-anchor="end" font-size="11" fill="#495057">${escape(formatNumber(top, options.locale))}</text>`;
  const [firstYear, lastYear] = [new Date(minX).getUTCFullYear(), new Date(maxX).getUTCFullYear()];
  const ticks = Array.from({ length: lastYear - firstYear + 2 }, (_, i) => firstYear + i)
    .filter((yr) => Date.parse(`${yr}-01-01`) >= minX && Date.parse(`${yr}-01-01`) <= maxX)
    .map((yr) => `<line x1="${x(`${yr}-01-01`).toFixed(1)}" x2="${x(`${yr}-01-01`).toFixed(1)}" y1="${height - pad.bottom}" y2="${height - pad.bottom + 4}" stroke="#adb5bd"/><text x="${x(`${yr}-01-01`).toFixed(1)}" y="${height - 12}" text-anchor="middle" font-size="11" fill="#495057">${yr}</text>`)
    .join('');
  return `<svg role="img" aria-label="${escape(options.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title>${escape(options.title)}</title>
<line x1="${pad.left}" x2="${width - pad.right}" y1="${height - pad.bottom}" y2="${height - pad.bottom}" stroke="#adb5bd"/>
${topLabel}
<text x="${pad.left - 6}" y="${height - pad.bottom}" text-anchor="end" font-size="11" fill="#495057">0</text>
${goalLines}<path d="${line}" fill="none" stroke="#1c7ed6" stroke-width="2"/>${dots}${ticks}
</svg>`;
}
