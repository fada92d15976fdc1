import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { Field } from '../../../components/Field.tsx';
import type { NotificationDetail } from '../lib/types.ts';

/** Who sent it to whom, what kind of notification it is, and when each step happened. */
export function Metadata({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  const dates = (['createdAt', 'submittedAt', 'sentAt', 'receivedAt', 'acknowledgedAt', 'closedAt', 'withdrawnAt'] as const).filter((k) => n[k]);
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 1 }} spacing="md" verticalSpacing="xs" m={0}>
      <Field label={t('notifications.field.from')}>{pick(n.sender.name)}</Field>
      <Field label={t('notifications.field.to')}>{pick(n.recipient.name)}</Field>
      <Field label={t('notifications.field.category')}>{t(`notifications.category.${n.category}`)}</Field>
      <Field label={t('notifications.field.classification')}>{t(`notifications.classification.${n.classification}`)}</Field>
      <Field label={t('notifications.field.riskDecision')}>{t(`notifications.riskDecision.${n.riskDecision}`)}</Field>
      <Field label={t('notifications.field.basis')}>{t(`notifications.basis.${n.basis}`)}</Field>
      <Field label={t('notifications.field.customsChannel')}>{n.customs.channel ? t('notifications.detail.yes') : t('notifications.detail.no')}</Field>
      {n.authorName && <Field label={t('notifications.field.author')}>{n.authorName}</Field>}
      {n.approverName && <Field label={t('notifications.field.approver')}>{n.approverName}</Field>}
      {dates.map((k) => (
        <Field key={k} label={t(`notifications.field.${k}`)}>
          {formatDate(n[k], locale)}
        </Field>
      ))}
      {n.ackDueAt && (
        <Field label={t('notifications.field.ackDueAt')}>
          {formatDate(n.ackDueAt, locale)}
          {n.overdue && ` — ${t('notifications.overdue')}`}
        </Field>
      )}
    </SimpleGrid>
  );
}
