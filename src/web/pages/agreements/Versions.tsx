import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import type { AgreementVersion } from '../../types.ts';
import { useMe } from '../../session.ts';
import { AmendmentForm } from './AmendmentForm.tsx';
import { ScriptText } from './ScriptText.tsx';
import type { ScriptView } from './script.ts';

/**
 * An agreement's versions (M2 amendments): the text as signed, then each amendment with who
 * agreed it, when, and from when it is in force; which version was in force on a chosen day; and
 * clause by clause what each amendment changed.
 */
export function Versions({ code, view }: { code: string; view: ScriptView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  const { me } = useMe();
  const versions = useQuery({ queryKey: ['agreement-versions', code], queryFn: () => api.agreementVersions(code) });
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10));
  const inForce = useQuery({
    queryKey: ['agreement-version-in-force', code, day],
    queryFn: () => api.agreementVersionInForce(code, day).catch((error) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error))),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(day),
  });

  if (versions.isPending) return <Loading />;
  if (versions.error) return <ErrorNotice error={versions.error} />;
  return (
    <Stack gap="md">
      {/* Five columns do not fit a phone: the table scrolls inside its box, not the page. */}
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agreement.versions.number')}</Table.Th>
              <Table.Th>{t('agreement.versions.agreedBy')}</Table.Th>
              <Table.Th>{t('agreement.versions.agreedOn')}</Table.Th>
              <Table.Th>{t('agreement.versions.inForceFrom')}</Table.Th>
              <Table.Th>{t('agreement.versions.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.number}>
                <Table.Td>{v.number}</Table.Td>
                <Table.Td>{v.agreedBy.map((p) => t(`agreement.versions.party.${p}`, { defaultValue: p })).join(t('agreement.versions.and'))}</Table.Td>
                <Table.Td>{formatDate(v.agreedOn, locale)}</Table.Td>
                <Table.Td>{formatDate(v.inForceFrom, locale)}</Table.Td>
                <Table.Td>{v.number === 1 ? t('agreement.versions.signed') : v.note ? pick(v.note) : t('agreement.versions.amendment')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <div>
        <TextInput type="date" label={t('agreement.versions.onDay')} value={day} onChange={(e) => setDay(e.currentTarget.value)} w={220} />
        <Text mt="xs" aria-live="polite" data-testid="version-in-force">
          {inForce.data === undefined ? '' : inForce.data === null ? t('agreement.versions.notInForce') : t('agreement.versions.inForce', { number: inForce.data.number })}
        </Text>
      </div>
      {versions.data.slice(1).map((v) => (
        <Changes key={v.number} code={code} version={v} view={view} />
      ))}
      {me?.isPlatformAdmin && <AmendmentForm code={code} latest={versions.data.at(-1)!} />}
    </Stack>
  );
}

function Changes({ code, version, view }: { code: string; version: AgreementVersion; view: ScriptView }) {
  const { t } = useTranslation();
  const changes = useQuery({ queryKey: ['agreement-version-changes', code, version.number], queryFn: () => api.agreementVersionChanges(code, version.number) });
  if (changes.isPending) return <Loading />;
  if (changes.error) return <ErrorNotice error={changes.error} />;
  const changed = changes.data.filter((c) => c.change !== 'unchanged');
  return (
    <section aria-labelledby={`version-${version.number}-changes`}>
      <Title order={3} size="h4" id={`version-${version.number}-changes`}>
        {t('agreement.versions.changesTitle', { number: version.number, previous: version.number - 1 })}
      </Title>
      {changed.map((c) => (
        <Stack key={c.key} gap={4} mt="sm">
          <Text fw={600}>
            {c.label ?? t(`agreement.versions.part.${c.key}`, { defaultValue: c.key })} <Badge variant="light">{t(`agreement.versions.change.${c.change}`)}</Badge>
          </Text>
          {c.before && (
            <div data-change="before">
              <Text size="sm" c="dimmed">{t('agreement.versions.before')}</Text>
              <ScriptText text={c.before} view={view} />
            </div>
          )}
          {c.after && (
            <div data-change="after">
              <Text size="sm" c="dimmed">{t('agreement.versions.after')}</Text>
              <ScriptText text={c.after} view={view} />
            </div>
          )}
        </Stack>
      ))}
    </section>
  );
}
