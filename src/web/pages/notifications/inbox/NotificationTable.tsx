import { Anchor, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { Tag } from '../../../components/Tag.tsx';
import { classificationColor, statusColor } from '../lib/options.ts';
import { inReaderScript, readerScript, scriptLang } from '../../../lib/shownScript.ts';
import type { NotificationBox } from '../lib/api.ts';
import type { NotificationListItem } from '../lib/types.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

/** A box of notifications: unread ones in bold (and said to be unread), overdue ones flagged. */
export function NotificationTable({ box, items }: { box: NotificationBox; items: NotificationListItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  if (!items.length) return <Text c="dimmed">{t('notifications.list.empty')}</Text>;
  return (
    <ScrollTable minWidth={760} label={t(`notifications.box.${box}`)}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.field.reference')}</Table.Th>
            <Table.Th>{t('notifications.field.title')}</Table.Th>
            <Table.Th>{box === 'inbox' ? t('notifications.field.from') : t('notifications.field.to')}</Table.Th>
            <Table.Th>{t('notifications.field.classification')}</Table.Th>
            <Table.Th>{t('notifications.field.status')}</Table.Th>
            <Table.Th>{box === 'drafts' ? t('notifications.field.createdAt') : t('notifications.field.sentAt')}</Table.Th>
            <Table.Th>{t('notifications.field.ackDueAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((n) => {
            const partner = box === 'inbox' ? n.sender : n.recipient;
            const shown = readerScript(locale, n.authoritativeScript);
            return (
              <Table.Tr key={n.id} fw={n.unread ? 700 : undefined} data-unread={n.unread || undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{n.reference ?? '—'}</Table.Td>
                {/* The title has room to be read; the dates wrap before it does. */}
                <Table.Td style={{ minWidth: '12em' }}>
                  <Anchor component={Link} to={`/notifications/${n.id}`} fw={n.unread ? 700 : 500} lang={scriptLang[shown]} display="inline-block">
                    {n.unread && <VisuallyHidden>{t('notifications.list.unread')}</VisuallyHidden>}
                    {inReaderScript(n.title, locale, n.authoritativeScript) || t('notifications.list.untitled')}
                  </Anchor>
                  {locale === 'en' && n.summaryEn && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {n.summaryEn}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{pick(partner.name)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Tag color={classificationColor[n.classification]}>{t(`notifications.classification.${n.classification}`)}</Tag>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tag color={statusColor[n.status]}>{t(`notifications.status.${n.status}`)}</Tag>
                    {n.overdue && (
                      <Tag color="red" filled>
                        {t('notifications.overdue')}
                      </Tag>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ minWidth: '7em' }}>{formatDate(box === 'drafts' ? n.createdAt : n.sentAt, locale)}</Table.Td>
                <Table.Td style={{ minWidth: '7em' }}>{n.ackDueAt && n.status === 'sent' ? formatDate(n.ackDueAt, locale) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
