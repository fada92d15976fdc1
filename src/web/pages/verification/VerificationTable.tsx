import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { Tag } from '../../components/Tag.tsx';
import { inReaderScript, readerScript, scriptLang } from '../../lib/shownScript.ts';
import type { Script, Verification } from './types.ts';
import type { Direction } from './api.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

export const gateColor: Record<string, string> = { cleared: 'teal', blocked: 'red', pending: 'blue', expired: 'gray' };

/** Requests to or from the unit: subject in the reader's script, the deadline (overdue flagged) and, before a release, its gate. */
export function VerificationTable({ items, box }: { items: Verification[]; box: Direction }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  if (!items.length) return <Text c="dimmed">{t('verification.none')}</Text>;
  return (
    <ScrollTable minWidth={720} label={t(`verification.box.${box}`)}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.field.reference')}</Table.Th>
            <Table.Th>{t('verification.subject')}</Table.Th>
            <Table.Th>{box === 'incoming' ? t('notifications.field.from') : t('notifications.field.to')}</Table.Th>
            <Table.Th>{t('verification.deadline')}</Table.Th>
            <Table.Th>{t('notifications.field.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => {
            const written = v.authoritativeScript as Script;
            return (
              <Table.Tr key={v.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{v.reference}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/verification/${v.id}`} lang={scriptLang[readerScript(locale, written)]}>
                    {inReaderScript(v.subject, locale, written)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{pick(box === 'incoming' ? v.from.name : v.to.name)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.deadlineAt, locale)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Tag color={v.status === 'open' ? 'yellow' : 'teal'}>{t(`verification.status.${v.status}`)}</Tag>
                    {v.outcome && <Tag>{t(`verification.outcome.${v.outcome}`)}</Tag>}
                    {v.overdue && (
                      <Tag color="red" filled>
                        {t('notifications.overdue')}
                      </Tag>
                    )}
                    {v.releaseGate && <Tag color={gateColor[v.releaseGate]}>{t(`verification.${box === 'incoming' ? 'gateAsked' : 'gate'}.${v.releaseGate}`)}</Tag>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
