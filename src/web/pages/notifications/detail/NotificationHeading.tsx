import { Anchor, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '../../../components/Tag.tsx';
import { classificationColor, statusColor } from '../lib/options.ts';
import { scriptLang } from '../../../lib/shownScript.ts';
import type { NotificationDetail, Script } from '../lib/types.ts';

/** The notification's title in the shown script, its reference number and where it stands. */
export function NotificationHeading({ n, script }: { n: NotificationDetail; script: Script }) {
  const { t } = useTranslation();
  return (
    <div>
      <Anchor component={Link} to="/notifications" size="sm">
        {t('notifications.detail.back')}
      </Anchor>
      <Group gap="xs" mt="xs">
        <Text fw={700} data-testid="reference">
          {n.reference ?? t('notifications.detail.noReference')}
        </Text>
        <Tag color={statusColor[n.status]}>{t(`notifications.status.${n.status}`)}</Tag>
        <Tag color={classificationColor[n.classification]}>{t(`notifications.classification.${n.classification}`)}</Tag>
        {n.overdue && (
          <Tag color="red" filled>
            {t('notifications.overdue')}
          </Tag>
        )}
      </Group>
      <Title order={1} mt={4} lang={scriptLang[script]}>
        {n.text[script].title || t('notifications.list.untitled')}
      </Title>
    </div>
  );
}
