import { Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { useReaderScript } from '../../../lib/readerScript.ts';
import type { NotificationDetail } from '../lib/types.ts';

/** Every step of the notification's life, oldest first: who did what, for which unit, when. */
export function Timeline({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  // Comments are kept as typed; Mainland readers read them in Simplified.
  // A file's name stays as the file is named.
  const comments = useReaderScript(n.timeline.map((e) => (e.kind === 'attached' || e.kind === 'detached' ? '' : (e.comment ?? ''))));
  const unitName = (unitId: string | null) => (unitId === n.sender.id ? pick(n.sender.name) : unitId === n.recipient.id ? pick(n.recipient.name) : null);
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} size="h3" id="timeline-heading" mb="sm">
        {t('notifications.timeline.heading')}
      </Title>
      <MantineTimeline bulletSize={14} lineWidth={2} active={n.timeline.length - 1} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {n.timeline.map((e, i) => (
          <MantineTimeline.Item key={i} component="li" title={t(`notifications.timeline.kinds.${e.kind}`, { defaultValue: e.kind })}>
            <Text size="sm" c="dimmed">
              {formatDate(e.at, locale)}
              {' · '}
              {e.actor}
              {unitName(e.unitId) && `${t('common.parenOpen')}${unitName(e.unitId)}${t('common.parenClose')}`}
            </Text>
            {/* A follow-up's text is shown in full, in the reader's script, under Follow-ups. */}
            {e.comment && e.kind !== 'follow_up' && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {comments[i] || e.comment}
              </Text>
            )}
          </MantineTimeline.Item>
        ))}
      </MantineTimeline>
    </section>
  );
}
