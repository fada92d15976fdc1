import { Anchor, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { Tag } from '../../../components/Tag.tsx';
import { classificationColor, statusColor } from '../lib/options.ts';
import { inReaderScript, readerScript, scriptLang } from '../../../lib/shownScript.ts';
import type { NotificationBox } from '../lib/api.ts';
import type { NotificationListItem } from '../lib/types.ts';

/** The box on a phone: one card per notification instead of a table too wide to read. */
export function NotificationCards({ box, items }: { box: NotificationBox; items: NotificationListItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  if (!items.length) return <Text c="dimmed">{t('notifications.list.empty')}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((n) => (
        <Paper component="li" key={n.id} withBorder p="sm" data-unread={n.unread || undefined}>
          <Anchor component={Link} to={`/notifications/${n.id}`} fw={n.unread ? 700 : 500} lang={scriptLang[readerScript(locale, n.authoritativeScript)]}>
            {n.unread && <VisuallyHidden>{t('notifications.list.unread')}</VisuallyHidden>}
            {inReaderScript(n.title, locale, n.authoritativeScript) || t('notifications.list.untitled')}
          </Anchor>
          <Group gap={4} mt={4}>
            <Tag color={classificationColor[n.classification]}>{t(`notifications.classification.${n.classification}`)}</Tag>
            <Tag color={statusColor[n.status]}>{t(`notifications.status.${n.status}`)}</Tag>
            {n.overdue && (
              <Tag color="red" filled>
                {t('notifications.overdue')}
              </Tag>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={4} fw={n.unread ? 700 : undefined}>
            {[n.reference, pick((box === 'inbox' ? n.sender : n.recipient).name), formatDate(box === 'drafts' ? n.createdAt : n.sentAt, locale)].filter(Boolean).join(' · ')}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
