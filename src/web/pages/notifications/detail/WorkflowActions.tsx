import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { usePick } from '../../../lib/localized.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import { notificationsApi, type Step } from '../lib/api.ts';
import type { NotificationDetail } from '../lib/types.ts';
import { CommentForm } from './CommentForm.tsx';
import { useNotificationAction } from './useNotificationAction.ts';

type Worded = 'return' | 'close' | 'withdraw';

/**
 * What the reader may do with the notification now, as the server says (`can`): edit and
 * submit a draft; approve or return it (an approver who is not its author); acknowledge it;
 * close or withdraw it.
 */
export function WorkflowActions({ n, done }: { n: NotificationDetail; done?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Worded | null>(null);
  // Sending cannot be undone (only withdrawn, which the other side sees): the approver says so twice.
  const [confirming, setConfirming] = useState(false);
  const pick = usePick();
  const step = useNotificationAction(n.id, (s: Step, key) => notificationsApi.step(n.id, s, key));
  const stepped = step.isSuccess ? step.variables : done;
  const can = n.can;
  if (!(can.edit || can.submit || can.approve || can.approveByAnother || can.acknowledge || can.close || can.withdraw) && !stepped) return null;

  const button = (s: Step, label: string) => (
    <Button onClick={() => step.mutate(s)} loading={step.isPending && step.variables === s} disabled={step.isPending}>
      {label}
    </Button>
  );
  const opener = (w: Worded, label: string, danger?: boolean) => (
    <Button variant="default" c={danger ? 'red.9' : undefined} onClick={() => setOpen(w)} aria-expanded={open === w}>
      {label}
    </Button>
  );
  const forms: Record<Worded, { label: string; textLabel: string; field: 'comment' | 'reason'; required: boolean; danger?: boolean; post: (text: string, key: string) => Promise<NotificationDetail> }> = {
    return: { label: t('notifications.actions.return'), textLabel: t('notifications.actions.returnComment'), field: 'comment', required: true, post: (c, key) => notificationsApi.returnToAuthor(n.id, c, key) },
    close: { label: t('notifications.actions.close'), textLabel: t('notifications.actions.closeComment'), field: 'comment', required: false, post: (c, key) => notificationsApi.close(n.id, c || null, key) },
    withdraw: { label: t('notifications.actions.withdraw'), textLabel: t('notifications.actions.withdrawReason'), field: 'reason', required: true, danger: true, post: (r, key) => notificationsApi.withdraw(n.id, r, key) },
  };

  return (
    <Stack component="section" aria-labelledby="actions-heading" gap="sm">
      <Title order={2} size="h4" id="actions-heading">
        {t('notifications.actions.heading')}
      </Title>
      <Saved show={(stepped === 'submit' || stepped === 'submitted') && n.status === 'submitted'}>{t('notifications.actions.submitted')}</Saved>
      <Saved show={stepped === 'approve' && n.status === 'sent'}>{t('notifications.actions.approved', { reference: n.reference })}</Saved>
      <Saved show={stepped === 'acknowledge' && n.status === 'acknowledged'}>{t('notifications.actions.acknowledged')}</Saved>
      <ErrorNotice error={step.error} />
      {can.approve && <Text size="sm">{t('notifications.actions.approveHint')}</Text>}
      {can.approveByAnother && <Text size="sm">{t('notifications.actions.approveByAnother')}</Text>}
      <Group gap="xs">
        {can.edit && (
          <Button component={Link} to={`/notifications/${n.id}/edit`} variant="default">
            {t('notifications.actions.edit')}
          </Button>
        )}
        {can.submit && button('submit', t('notifications.compose.submit'))}
        {can.approve && (
          <Button onClick={() => setConfirming(true)} disabled={step.isPending || confirming} aria-expanded={confirming}>
            {t('notifications.actions.approve')}
          </Button>
        )}
        {can.acknowledge && button('acknowledge', t('notifications.actions.acknowledge'))}
        {can.approve && opener('return', t('notifications.actions.return'))}
        {can.close && opener('close', t('notifications.actions.close'))}
        {can.withdraw && opener('withdraw', t('notifications.actions.withdraw'), true)}
      </Group>
      {can.approve && confirming && (
        <Alert color="blue" title={t('notifications.actions.confirmSend', { unit: pick(n.recipient.name), classification: t(`notifications.classification.${n.classification}`) })}>
          <Text size="sm" mb="sm">
            {t('notifications.actions.confirmSendHint')}
          </Text>
          <Group gap="xs">
            {button('approve', t('notifications.actions.sendNow'))}
            <Button variant="default" onClick={() => setConfirming(false)} disabled={step.isPending}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
      {open && <CommentForm key={open} id={n.id} {...forms[open]} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
