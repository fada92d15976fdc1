import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session.ts';
import { useLocale } from '../../lib/localized.ts';
import { useInReaderScript } from '../../lib/useInReaderScript.ts';
import { ipApi, type Instrument } from './api.ts';

/** What the viewer may do here; the signed-out get nothing (and no request). */
export function useIpMe() {
  const { me } = useMe();
  const query = useQuery({ queryKey: ['ip', 'me', me?.id ?? null], queryFn: ipApi.me, enabled: !!me });
  return me ? (query.data ?? null) : null;
}

/** An instrument's title in the reader's language: English, or its Chinese title in the reader's script. */
export function useTitle() {
  const locale = useLocale();
  return (title: { 'zh-Hant': string; 'zh-Hans': string; en: string }) => (locale === 'en' ? title.en : title[locale]);
}

/** Our summary in the reader's language (the Chinese as written, in the reader's script). */
export function useSummary(texts: (string | null)[]) {
  const locale = useLocale();
  const inScript = useInReaderScript(texts);
  return (summary: { zh: string | null; en: string | null }) => (locale === 'en' ? (summary.en ?? inScript(summary.zh)) : inScript(summary.zh) || (summary.en ?? ''));
}

export function InstrumentLink({ instrument }: { instrument: Pick<Instrument, 'code' | 'title' | 'number'> }) {
  const title = useTitle();
  return (
    <Anchor component={Link} to={`/ip/instruments/${instrument.code}`}>
      {title(instrument.title)}
      {instrument.number ? ` (${instrument.number})` : ''}
    </Anchor>
  );
}

export function useIpLabels() {
  const { t } = useTranslation();
  return {
    jurisdiction: (j: string) => t(`ip.jurisdictions.${j}`),
    subject: (s: string) => t(`ip.subjects.${s}`),
    type: (s: string) => t(`ip.types.${s}`),
    status: (s: string) => t(`ip.statuses.${s}`),
  };
}
