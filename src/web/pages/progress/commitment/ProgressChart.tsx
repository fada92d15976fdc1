import { useId } from 'react';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import type { Indicator } from '../types.ts';
import { useFigures } from '../shared/figures.ts';

const sign = { at_least: '≥', more_than: '>', around: '≈', exactly: '=' } as const;
const year = 365.25 * 24 * 3600 * 1000;
const height = 220;
const pad = { left: 64, right: 16, top: 18, bottom: 30 };

/** 1, 2 or 5 times a power of ten: a round top for the value axis. */
function roundUp(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * power >= value) ?? 10) * power;
}

/**
 * The figure over time against the level each target asks for (dashed, up to its due day), in
 * plain SVG like the report's chart. The table of figures beside it gives the same numbers as text.
 */
export function ProgressChart({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { number } = useFigures();
  const titleId = useId();
  // Drawn at the width it is shown at, so that its labels stay readable on a phone.
  const { ref, width: shown } = useElementSize();
  const width = Math.round(Math.min(560, Math.max(300, shown || 560)));
  const points = indicator.series;
  if (!points.length) return null;

  const goals = indicator.targets.map((tg) => {
    const level = tg.measure === 'increase' ? (indicator.baseline?.value ?? 0) + tg.value : tg.value;
    return { level, due: tg.progress.due, label: `${sign[tg.comparator]} ${number(level)}` };
  });
  const days = [...points.map((p) => Date.parse(p.asOf)), ...goals.flatMap((g) => (g.due ? [Date.parse(g.due)] : []))];
  let [minX, maxX] = [Math.min(...days), Math.max(...days)];
  if (maxX - minX < year) [minX, maxX] = [minX - year / 2, maxX + year / 2];
  const maxY = roundUp(Math.max(...points.map((p) => p.value), ...goals.map((g) => g.level)) * 1.1);
  const x = (ms: number) => pad.left + ((ms - minX) / (maxX - minX)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(Date.parse(p.asOf)).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const firstYear = new Date(minX).getUTCFullYear() + 1;
  const years = Array.from({ length: new Date(maxX).getUTCFullYear() - firstYear + 1 }, (_, i) => firstYear + i);
  const step = Math.ceil(years.length / (width < 420 ? 4 : 6));
  const title = t('progress.chart.title', { name: pick(indicator.name) });

  return (
    <figure style={{ margin: 0 }} ref={ref}>
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, height: 'auto', display: 'block' }}>
        <title id={titleId}>{title}</title>
        {[0, maxY / 2, maxY].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="#dee2e6" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#495057">
              {number(v)}
            </text>
          </g>
        ))}
        {years
          .filter((_, i) => i % step === 0)
          .map((yr) => (
            <text key={yr} x={x(Date.UTC(yr, 0, 1))} y={height - 10} textAnchor="middle" fontSize="11" fill="#495057">
              {yr}
            </text>
          ))}
        {goals.map((g, i) => {
          const end = g.due ? x(Date.parse(g.due)) : width - pad.right;
          return (
            <g key={i}>
              <line x1={pad.left} x2={end} y1={y(g.level)} y2={y(g.level)} stroke="#a33c0c" strokeDasharray="6 4" />
              <text x={end - 4} y={y(g.level) + (i % 2 === 0 ? -5 : 14)} textAnchor="end" fontSize="11" fill="#a33c0c">
                {g.label}
              </text>
            </g>
          );
        })}
        <path d={line} fill="none" stroke="#1864ab" strokeWidth="2" />
        {points.map((p) => (
          <circle key={p.asOf} cx={x(Date.parse(p.asOf))} cy={y(p.value)} r="4" fill="#1864ab">
            <title>{`${formatDate(p.asOf, locale)}: ${number(p.value)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        <small>{t('progress.chart.legend')}</small>
      </figcaption>
    </figure>
  );
}
