import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Divider, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../api.ts';
import { useLocale, usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { AgreementMeta } from './AgreementMeta.tsx';
import { Clauses } from './Clauses.tsx';
import { Versions } from './Versions.tsx';
import { ScriptColumnsHeading, ScriptText } from './ScriptText.tsx';
import { defaultScriptView, isScriptView, scriptViews, type ScriptView } from './script.ts';

export function AgreementPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { code = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const agreement = useQuery({ queryKey: ['agreement', code], queryFn: () => api.agreement(code) });
  usePageTitle(agreement.data ? pick(agreement.data.shortTitle) : t('agreements.title'));

  const requested = new URLSearchParams(location.search).get('script');
  const view: ScriptView = isScriptView(requested) ? requested : defaultScriptView(locale);
  const setView = (next: string) => navigate({ search: `?script=${next}`, hash: location.hash }, { replace: true });
  const target = location.hash ? decodeURIComponent(location.hash.slice(1)) : null;

  // The clause a link points at exists only once the text has loaded: bring it into view then.
  useEffect(() => {
    if (!agreement.data || !target) return;
    const element = document.getElementById(target);
    if (!element) return;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  }, [agreement.data, target]);

  if (agreement.isPending) return <Loading />;
  if (agreement.error) return <ErrorNotice error={agreement.error} />;
  const a = agreement.data;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/agreements" size="sm">
          {t('agreement.back')}
        </Anchor>
        <Title order={1} mt="xs">
          {pick(a.title)}
        </Title>
        {locale === 'en' && (
          <Text lang="zh-Hant-HK" c="dimmed">
            {a.title['zh-Hant']}
          </Text>
        )}
      </div>
      <section aria-labelledby="agreement-details">
        <Title order={2} size="h3" id="agreement-details" mb="sm">
          {t('agreement.details')}
        </Title>
        <AgreementMeta agreement={a} />
      </section>
      <Divider />
      <section aria-labelledby="agreement-text">
        <Group justify="space-between" align="center" mb="sm" gap="sm">
          <Title order={2} size="h3" id="agreement-text">
            {t('agreement.text')}
          </Title>
          <div role="group" aria-label={t('agreement.scriptLabel')}>
            <SegmentedControl
              value={view}
              onChange={setView}
              data={scriptViews.map((v) => ({ value: v, label: t(`agreement.view.${v}`) }))}
            />
          </div>
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {t('agreement.authoritative', { script: a.authoritativeScript === 'zh-Hans' ? t('agreement.scriptHans') : t('agreement.scriptHant') })}
        </Text>
        {view === 'both' && <ScriptColumnsHeading />}
        <div data-testid="agreement-body">
          <ScriptText text={a.preamble} view={view} />
          <Clauses code={a.code} clauses={a.clauses} view={view} target={target} />
          <ScriptText text={a.closing} view={view} />
        </div>
      </section>
      <Divider />
      <section aria-labelledby="agreement-versions">
        <Title order={2} size="h3" id="agreement-versions" mb="sm">
          {t('agreement.versions.title')}
        </Title>
        <Versions code={a.code} view={view} />
      </section>
    </Stack>
  );
}
