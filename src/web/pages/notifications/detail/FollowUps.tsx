import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { Tag } from '../../../components/Tag.tsx';
import { scriptLang } from '../../../lib/shownScript.ts';
import type { NotificationDetail, Script } from '../lib/types.ts';

/** Follow-ups from both sides, oldest first, each in the shown script; requests for information with their deadline. */
export function FollowUps({ n, script }: { n: NotificationDetail; script: Script }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  const unitName = (id: string) => pick(id === n.sender.id ? n.sender.name : n.recipient.name);
  if (!n.followUps.length) return null;
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {n.followUps.map((f) => (
        <Paper component="li" key={f.id} id={`follow-up-${f.id}`} withBorder p="sm">
          <Group gap="xs" mb={4}>
            <Tag color={f.kind === 'request_for_information' ? 'orange' : 'blue'}>{t(`notifications.followUp.kinds.${f.kind}`)}</Tag>
            {f.newClassification && <Tag>{t(`notifications.classification.${f.newClassification}`)}</Tag>}
            {f.overdue && (
              <Tag color="red" filled>
                {t('notifications.overdue')}
              </Tag>
            )}
            <Text size="sm" c="dimmed">
              {unitName(f.fromUnitId)} · {f.createdBy} · {formatDate(f.createdAt, locale)}
            </Text>
          </Group>
          <Text lang={scriptLang[script]} style={{ whiteSpace: 'pre-wrap' }}>
            {f.text[script]}
          </Text>
          {f.authoritativeScript !== script && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('notifications.script.converted', { script: t(`notifications.script.name.${f.authoritativeScript}`) })}
            </Text>
          )}
          {f.kind === 'request_for_information' && (
            <Text size="sm" mt={4} c={f.overdue ? 'red.9' : 'dimmed'}>
              {f.answeredAt
                ? t('notifications.followUp.answeredAt', { date: formatDate(f.answeredAt, locale) })
                : t('notifications.followUp.answerBy', { date: formatDate(f.answerDueAt, locale) })}
            </Text>
          )}
          {f.answersId && (
            <Anchor href={`#follow-up-${f.answersId}`} size="sm">
              {t('notifications.followUp.inAnswer')}
            </Anchor>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
