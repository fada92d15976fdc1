import { Anchor, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, pickText, useLocale } from '../../../lib/localized.ts';
import type { AuditEntry } from '../../../types.ts';
import { labelledValues } from './auditValues.ts';
import { useInReaderScript } from '../../../lib/useInReaderScript.ts';

type Props = { entry: AuditEntry; page: string | undefined; onShowRecord: () => void };

/**
 * One entry as a person reads it: when, who (their name and unit), what happened, to which record
 * (its reference or title), and the values recorded, labelled in the reader's language. Codes,
 * ids, the raw data and the chain link are kept in the entry's details.
 */
export function AuditEntryRow({ entry: e, page, onShowRecord }: Props) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const record = e.names[e.entityId.toLowerCase()];
  const reference = typeof e.data.reference === 'string' ? e.data.reference : null;
  const recordLabel = record ? pickText(record.label, locale) : reference;
  const values = labelledValues(e, locale, t, (key) => i18n.exists(key));
  const inScript = useInReaderScript([e.actorName]);
  return (
    <Table.Tr data-audit-entry={e.id}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.at, locale)}</Table.Td>
      <Table.Td>
        <Text size="sm">{e.actor === 'system' ? t('admin.auditSystem') : (e.actorName ? inScript(e.actorName) : e.actor)}</Text>
        {e.unitName && (
          <Text size="xs" c="dimmed">
            {pickText(e.unitName, locale)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`admin.auditActions.${e.action}`, { defaultValue: t('auditView.unknownAction') })}</Table.Td>
      <Table.Td>
        <Anchor component="button" type="button" size="sm" onClick={onShowRecord} style={{ textAlign: 'start' }}>
          {t(`admin.auditEntities.${e.entityType}`, { defaultValue: t('auditView.aRecord') })}
          {recordLabel ? ` ${recordLabel}` : ''}
        </Anchor>
        {page && (
          <Anchor component={Link} to={page} size="xs" display="block">
            {t('admin.auditOpen')}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        {values.length ? (
          <dl className="audit-values" style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 8, rowGap: 2, fontSize: 'var(--mantine-font-size-sm)' }}>
            {values.map((v) => (
              <div key={v.key} style={{ display: 'contents' }}>
                <dt style={{ color: 'var(--mantine-color-dimmed)' }}>{v.label}</dt>
                <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{v.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <Text size="sm" c="dimmed">
            {t('auditView.noValues')}
          </Text>
        )}
        <details style={{ marginTop: 4 }}>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>{t('auditView.details')}</summary>
          <Text size="xs" mt={4}>
            {t('auditView.detailsIntro')}
          </Text>
          <Code block style={{ maxWidth: 380, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify({ id: e.id, action: e.action, entityType: e.entityType, entityId: e.entityId, actor: e.actor, unitId: e.unitId, data: e.data, hash: e.hash }, null, 1)}
          </Code>
        </details>
        {!e.hash && (
          <Text size="xs" c="dimmed">
            {t('admin.auditUnchained')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
