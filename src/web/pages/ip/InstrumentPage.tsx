import { Alert, Anchor, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Field } from '../../components/Field.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { ipApi } from './api.ts';
import { InstrumentLink, useIpLabels, useSummary, useTitle } from './shared.tsx';

/** One instrument: its facts, our summary, its versions and their texts (official or translation), its relations both ways, its updates. */
export function InstrumentPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const instrument = useQuery({ queryKey: ['ip', 'instrument', code], queryFn: () => ipApi.instrument(code) });
  const title = useTitle();
  const label = useIpLabels();
  const summary = useSummary([instrument.data?.summary.zh ?? null]);
  usePageTitle(instrument.data ? title(instrument.data.title) : t('ip.instruments.title'));
  if (instrument.isPending) return <Loading />;
  if (instrument.error) return <ErrorNotice error={instrument.error} />;
  const i = instrument.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/ip/instruments" size="sm">
        {t('ip.instruments.back')}
      </Anchor>
      <Title order={1}>{title(i.title)}</Title>
      <Text c="dimmed" lang={i.jurisdiction === 'CN' || i.jurisdiction === 'GD' ? 'zh-Hans' : 'zh-Hant'}>
        {i.title.asWritten}
        {i.title.pt ? ` · ${i.title.pt}` : ''}
      </Text>
      <Group gap="xs">
        <Tag color="blue">{label.jurisdiction(i.jurisdiction)}</Tag>
        {i.subjects.map((s) => (
          <Tag key={s}>{label.subject(s)}</Tag>
        ))}
        <Tag color={i.status === 'in_force' ? 'teal' : 'gray'}>{label.status(i.status)}</Tag>
      </Group>
      <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: '0.75rem', margin: 0 }}>
        <Field label={t('ip.fields.type')}>{label.type(i.type)}</Field>
        <Field label={t('ip.fields.number')}>{i.number ?? '—'}</Field>
        <Field label={t('ip.fields.enactedOn')}>{i.enactedOn ?? t('ip.notRecorded')}</Field>
        <Field label={t('ip.fields.inForceOn')}>{i.inForceOn ?? t('ip.notRecorded')}</Field>
        {i.repealedOn && <Field label={t('ip.fields.repealedOn')}>{i.repealedOn}</Field>}
        <Field label={t('ip.fields.officialUrl')}>
          <Anchor href={i.officialUrl} target="_blank" rel="noreferrer">
            {i.officialUrl}
          </Anchor>
        </Field>
      </dl>
      {(i.summary.en || i.summary.zh) && (
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('ip.summaryIsOurs')}
          </Text>
          <Text>{summary(i.summary)}</Text>
        </Card>
      )}
      {i.canPropose && (
        <Group>
          <Button component={Link} to={`/ip/revisions/new?from=${encodeURIComponent(i.code)}`} variant="light">
            {t('ip.revisions.propose')}
          </Button>
        </Group>
      )}
      <Title order={2} size="h3">
        {t('ip.versions.title')}
      </Title>
      {!i.versions.length && <Text c="dimmed">{t('ip.versions.none')}</Text>}
      {!!i.versions.length && (
        <ScrollTable minWidth={640} label={t('ip.versions.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ip.versions.version')}</Table.Th>
                <Table.Th>{t('ip.fields.adoptedOn')}</Table.Th>
                <Table.Th>{t('ip.fields.inForceOn')}</Table.Th>
                <Table.Th>{t('ip.versions.texts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {i.versions.map((v, n) => (
                <Table.Tr key={n}>
                  <Table.Td>
                    {t('ip.versions.label', { zh: v.label.zh, en: v.label.en })}
                    {v.amendingAct && (
                      <Text size="xs" c="dimmed">
                        {v.amendingAct}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{v.adoptedOn ?? '—'}</Table.Td>
                  <Table.Td>{v.inForceOn ?? '—'}</Table.Td>
                  <Table.Td>
                    {v.texts.map((x) => (
                      <div key={x.url + x.language}>
                        <Anchor href={x.url} target="_blank" rel="noreferrer" size="sm">
                          {t(`ip.languages.${x.language}`)}
                        </Anchor>{' '}
                        <Tag color={x.official ? 'teal' : 'yellow'}>{x.official ? t('ip.versions.official') : t('ip.versions.translation')}</Tag>
                      </div>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Title order={2} size="h3">
        {t('ip.relations.title')}
      </Title>
      {!i.relations.length && <Text c="dimmed">{t('ip.relations.none')}</Text>}
      <List>
        {i.relations.map((r) => (
          <List.Item key={`${r.direction}-${r.kind}-${r.other.code}`}>
            {t(`ip.relations.${r.direction}.${r.kind}`)} <InstrumentLink instrument={r.other} />
          </List.Item>
        ))}
      </List>
      <Title order={2} size="h3">
        {t('ip.updates.title')}
      </Title>
      {!i.updates.length && <Text c="dimmed">{t('ip.updates.none')}</Text>}
      <List>
        {i.updates.map((u) => (
          <List.Item key={u.id}>
            {u.on} — {title(u.title)}
          </List.Item>
        ))}
      </List>
      <Alert color="gray">{t('ip.disclaimer')}</Alert>
    </Stack>
  );
}
