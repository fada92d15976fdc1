import { reportT, type Locale } from '../../../shared/i18n.ts';
import type { LocalizedText } from '../../db/schema.ts';
import { progressChart } from './chart.ts';
import { formatDay, formatFigure, formatNumber, formatPercent } from './figures.ts';

const comparatorSign = { at_least: '≥', more_than: '>', around: '≈', exactly: '=' } as const;
import { narrativeIn, resolveFigures, type DraftedFigures, type Narrative, type ReportArea } from './report-view.ts';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p}</p>`)
    .join('\n');

const htmlLang: Record<Locale, string> = { en: 'en', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN' };

export type RenderInput = {
  title: LocalizedText;
  asOf: string;
  areas: ReportArea[];
  narrative: Narrative;
  /** For drafts: the figures when drafted, to flag those changed since. */
  draftedFigures: DraftedFigures | null;
  issued: { on: string; hash: string } | null;
};

/**
 * The report as one HTML page: the same page is shown on the web and printed to PDF by
 * Chromium. Figures come from the measurements; a draft marks figures changed since drafting.
 */
export function renderReport(input: RenderInput, locale: Locale): string {
  const t = reportT(locale);
  const flag = (code: string) => {
    if (!input.draftedFigures) return '';
    const drafted = input.draftedFigures[code];
    const indicator = input.areas.flatMap((a) => a.commitments.flatMap((c) => c.indicators)).find((i) => i.code === code);
    if (!indicator?.current || !drafted) return '';
    if (drafted.measurementId === indicator.current.measurementId && drafted.value === indicator.current.value) return '';
    const was = formatFigure({ value: drafted.value, qualifier: indicator.current.qualifier, unit: indicator.unit }, locale);
    return ` <mark class="changed">⚑ ${escape(t('changed', { was }))}</mark>`;
  };

  /** A heading with its text, or nothing when the text is empty: no "The way forward" with nothing under it. */
  const part = (heading: string, text: string) => {
    const body = paragraphs(resolveFigures(escape(text), input.areas, locale, flag));
    return body ? `<h3>${heading}</h3>\n${body}` : '';
  };

  const sections = input.areas.map((area, index) => {
    const narrative = narrativeIn(input.narrative, area.code, locale);
    const rows = area.commitments.flatMap((c) =>
      c.indicators.map((i) => {
        const latest = i.current ? formatFigure({ value: i.current.value, qualifier: i.current.qualifier, unit: i.unit }, locale) + ` (${i.current.period ?? formatDay(i.current.asOf, locale)})` : t('noFigure');
        const targets = i.targets.map((tg) => `${escape(tg.text[locale])}<br><small>${t(`status.${tg.progress.status}`)} · ${formatPercent(tg.progress.fraction)}</small>`).join('<br>');
        const source = c.paragraph ? t('paragraph', { n: c.paragraph }) : '';
        return `<tr><td>${escape(i.name[locale])}</td><td>${escape(latest)}${flag(i.code)}</td><td>${targets || '—'}</td><td>${escape(source)}</td></tr>`;
      }),
    );
    const charts = area.commitments.flatMap((c) =>
      c.indicators
        .filter((i) => i.targets.length && i.series.length)
        .map((i) =>
          progressChart({
            title: t('chart', { name: i.name[locale] }),
            points: i.series,
            goals: i.targets.map((tg) => {
              const level = tg.measure === 'increase' ? (i.baseline?.value ?? 0) + tg.value : tg.value;
              return { level, due: tg.progress.due, label: `${comparatorSign[tg.comparator]} ${formatNumber(level, locale)}` };
            }),
            locale,
          }),
        ),
    );
    return `<section>
<h2>${index + 1}. ${escape(area.name[locale])}</h2>
${part(t('achieved'), narrative.achieved)}
${part(t('next'), narrative.next)}
${rows.length ? `<table><caption>${t('figures')}</caption><thead><tr><th>${t('indicator')}</th><th>${t('latest')}</th><th>${t('target')}</th><th>${t('source')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
${charts.map((c) => `<figure>${c}</figure>`).join('\n')}
</section>`;
  });

  const status = input.issued
    ? `<p class="status">${escape(t('issued', { date: formatDay(input.issued.on, locale) }))}<br><small>${escape(t('hash', { hash: input.issued.hash }))}</small></p>`
    : `<p class="status draft">${escape(t('draft'))}</p>`;
  return `<!doctype html>
<html lang="${htmlLang[locale]}"><head><meta charset="utf-8"><title>${escape(input.title[locale])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "Noto Sans", "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif; max-width: 800px; margin: 2rem auto; padding: 0 1rem; color: #212529; line-height: 1.6; }
:lang(zh-Hans) body, html:lang(zh-Hans-CN) body { font-family: "Noto Sans", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #dee2e6; margin-top: 2rem; } h3 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 1rem 0; } caption { text-align: left; font-weight: bold; }
th, td { border: 1px solid #dee2e6; padding: 4px 6px; text-align: left; vertical-align: top; }
.status { color: #495057; } .draft { color: #c92a2a; font-weight: bold; } mark.changed { background: #fff3bf; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } figure, tr { break-inside: avoid; } h2, h3 { break-after: avoid; }
  /* Chromium repeats a table's header on each page it runs to. Without this, a table starting at
     the foot of a page left its caption and header there alone (its first row, unbreakable, went
     on) and the header came again over the rows: printed twice. Caption, header and first row go together. */
  caption, thead { break-after: avoid; } tbody tr:first-child { break-before: avoid; } }
</style></head>
<body><main>
<h1>${escape(input.title[locale])}</h1>
<p>${escape(t('asOf', { date: formatDay(input.asOf, locale) }))}</p>
${status}
${sections.join('\n')}
</main></body></html>`;
}
