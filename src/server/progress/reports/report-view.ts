import { toSimplified } from '../../../shared/script.ts';
import type { Locale } from '../../../shared/i18n.ts';
import type { DbOrTx } from '../../db/open.ts';
import { listAreas, listCommitments, type CommitmentView } from '../read-progress.ts';
import { formatFigure } from './figures.ts';
import { reportT } from '../../../shared/i18n.ts';

/** The languages a narrative is written in; Simplified is made from Traditional on request. */
export const narrativeLocales = ['en', 'zh-Hant'] as const;
export type Narrative = Record<string, Record<string, { achieved: string; next: string }>>;
export type DraftedFigures = Record<string, { measurementId: string; value: number }>;

export type ReportArea = { code: string; name: { 'zh-Hant': string; 'zh-Hans': string; en: string }; commitments: CommitmentView[] };

/** The live content of a report: its areas with their commitments, figures and progress as of its date. */
export async function reportAreas(db: DbOrTx, options: { areaCodes: string[]; asOf: string }): Promise<ReportArea[]> {
  const [areas, commitments] = await Promise.all([listAreas(db), listCommitments(db, { asOf: options.asOf, areaCodes: options.areaCodes })]);
  return areas
    .filter((a) => options.areaCodes.includes(a.code))
    .map((a) => ({ code: a.code, name: a.name, commitments: commitments.filter((c) => c.area.code === a.code) }));
}

/** Every figure the report shows: indicator code → its current measurement. */
export function currentFigures(areas: ReportArea[]): DraftedFigures {
  const figures: DraftedFigures = {};
  for (const area of areas) {
    for (const c of area.commitments) {
      for (const i of c.indicators) if (i.current) figures[i.code] = { measurementId: i.current.measurementId, value: i.current.value };
    }
  }
  return figures;
}

/**
 * The narrative Liaison drafts for an area: what was achieved (each figure, as a placeholder
 * {{figure:<indicator>}} that stays linked to its measurement) and what comes next (each
 * target still open). Officers then edit it.
 */
export function draftNarrative(areas: ReportArea[]): Narrative {
  const narrative: Narrative = {};
  for (const area of areas) {
    narrative[area.code] = {};
    for (const locale of narrativeLocales) {
      const t = reportT(locale);
      const achieved: string[] = [];
      const next: string[] = [];
      for (const c of area.commitments) {
        const figures = c.indicators.filter((i) => i.current).map((i) => t('generated.figureLine', { name: i.name[locale], figure: `{{figure:${i.code}}}` }));
        if (figures.length || c.status === 'achieved') achieved.push([c.description[locale], ...figures].join(' '));
        // One line per commitment: its open targets together ("at least 60 more pairs … and around
        // 350 pairs by then"), not the commitment's title once per target.
        const open = c.indicators.flatMap((i) => i.targets.filter((target) => target.progress.status !== 'met').map((target) => target.text[locale]));
        if (open.length) next.push(t('generated.targetLine', { title: c.title[locale], target: new Intl.ListFormat(locale, { type: 'conjunction' }).format(open) }));
        if (!c.indicators.length && c.status !== 'achieved') next.push(c.description[locale]);
      }
      narrative[area.code][locale] = { achieved: [...new Set(achieved)].join('\n\n'), next: [...new Set(next)].join('\n\n') };
    }
  }
  return narrative;
}

/** The narrative of an area in a reader's language: Simplified is converted from Traditional. */
export function narrativeIn(narrative: Narrative, areaCode: string, locale: Locale) {
  const area = narrative[areaCode] ?? {};
  if (locale === 'zh-Hans') {
    const hant = area['zh-Hant'] ?? { achieved: '', next: '' };
    return { achieved: toSimplified(hant.achieved), next: toSimplified(hant.next) };
  }
  return area[locale] ?? { achieved: '', next: '' };
}

/** Replaces {{figure:<indicator>}} with the figure as written in the reader's language. */
export function resolveFigures(text: string, areas: ReportArea[], locale: Locale, flag: (code: string) => string = () => ''): string {
  const indicatorsByCode = new Map(areas.flatMap((a) => a.commitments.flatMap((c) => c.indicators.map((i) => [i.code, i] as const))));
  return text.replace(/\{\{figure:([a-z0-9-]+)\}\}/g, (whole, code: string) => {
    const indicator = indicatorsByCode.get(code);
    if (!indicator?.current) return reportT(locale)('noFigure');
    return formatFigure({ value: indicator.current.value, qualifier: indicator.current.qualifier, unit: indicator.unit }, locale) + flag(code);
  });
}
