import { Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import type { CommitmentDetail } from '../types.ts';

/**
 * Every change of status with its reason, oldest first: the commitment's history as the owning
 * unit kept it. A reason is kept as written; the current one also in the three languages
 * (`statusReason`), which is shown where it is the same text.
 */
export function StatusTimeline({ timeline, statusReason }: Pick<CommitmentDetail, 'timeline' | 'statusReason'>) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const reason = (text: string) => (text === 'created' ? t('progress.timeline.created') : statusReason && text === statusReason.en ? pick(statusReason) : text);
  const status = (s: string) => t(`progress.status.${s}`, { defaultValue: s });
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={3} size="h4" id="timeline-heading" mb="sm">
        {t('progress.timeline.title')}
      </Title>
      <Timeline active={timeline.length - 1} bulletSize={14} lineWidth={2}>
        {timeline.map((change, i) => (
          <Timeline.Item
            key={i}
            title={change.fromStatus ? t('progress.timeline.changed', { from: status(change.fromStatus), to: status(change.toStatus) }) : t('progress.timeline.recorded', { to: status(change.toStatus) })}
          >
            <Text size="sm">{reason(change.reason)}</Text>
            <Text size="xs" c="dimmed">
              {t('progress.timeline.by', { who: change.changedBy, date: formatDate(change.changedAt, locale) })}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
