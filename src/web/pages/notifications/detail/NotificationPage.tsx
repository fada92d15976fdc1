import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Divider, Grid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { notificationsApi } from '../lib/api.ts';
import { useShownScript } from '../../../lib/shownScript.ts';
import type { NotificationDetail } from '../lib/types.ts';
import { distributionKeys, hazardKeys, productKeys } from '../compose/values.ts';
import { Attachments } from './Attachments.tsx';
import { CustomsRouting } from './CustomsRouting.tsx';
import { Disseminations } from './Disseminations.tsx';
import { ExpertConsultations } from './ExpertConsultations.tsx';
import { FollowUpForm } from './FollowUpForm.tsx';
import { FollowUps } from './FollowUps.tsx';
import { Metadata } from './Metadata.tsx';
import { NotificationHeading } from './NotificationHeading.tsx';
import { NotificationText } from './NotificationText.tsx';
import { RecordTable } from './RecordTable.tsx';
import { Related } from './Related.tsx';
import { Timeline } from './Timeline.tsx';
import { ExchangeRecord } from '../../../components/ExchangeRecord.tsx';
import { WorkflowActions } from './WorkflowActions.tsx';

export function NotificationPage() {
  const { id = '' } = useParams();
  const notification = useQuery({ queryKey: ['notification', id], queryFn: () => notificationsApi.get(id) });
  if (notification.isPending) return <Loading />;
  if (notification.error) return <ErrorNotice error={notification.error} />;
  return <NotificationView key={notification.data.id} n={notification.data} />;
}

/** One notification with everything around it, and what the reader may do with it now. */
function NotificationView({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [script, setScript] = useShownScript(n.authoritativeScript);
  usePageTitle(n.reference ? `${n.reference} ${n.text[script].title}` : n.text[script].title);
  const done = (location.state as { done?: string } | null)?.done;
  const table = (name: 'products' | 'hazards' | 'distribution', keys: readonly string[]) => (
    <RecordTable
      id={`${name}-heading`}
      heading={t(`notifications.${name}.legend`)}
      columns={keys.map((key) => ({ key, label: t(`notifications.${name}.${key}`) }))}
      rows={n[name]}
      writtenIn={n.authoritativeScript}
      shown={script}
      emptyText={t(`notifications.${name}.none`)}
    />
  );

  return (
    <Stack gap="lg">
      <NotificationHeading n={n} script={script} />
      {n.status === 'returned' && n.returnComment && (
        <Alert color="orange" title={t('notifications.detail.returned')}>
          {n.returnComment}
        </Alert>
      )}
      {n.status === 'withdrawn' && n.withdrawReason && (
        <Alert color="red" title={t('notifications.detail.withdrawn')}>
          {n.withdrawReason}
        </Alert>
      )}
      <WorkflowActions n={n} done={done} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <NotificationText n={n} script={script} onScript={setScript} />
            <Stack gap="md">
              {table('products', productKeys)}
              {table('hazards', hazardKeys)}
              {table('distribution', distributionKeys)}
            </Stack>
            <Stack component="section" aria-labelledby="follow-ups-heading" gap="sm">
              <Title order={2} size="h3" id="follow-ups-heading">
                {t('notifications.followUp.heading')}
              </Title>
              {!n.followUps.length && (
                <Text size="sm" c="dimmed">
                  {t('notifications.followUp.none')}
                </Text>
              )}
              <FollowUps n={n} script={script} />
              {n.can.followUp && <FollowUpForm n={n} />}
            </Stack>
            <Disseminations n={n} />
            <CustomsRouting n={n} />
            <ExpertConsultations n={n} />
            <Divider />
            <Timeline n={n} />
            {n.sentAt && <ExchangeRecord subjectType="notification" subjectId={n.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Card withBorder component="section" aria-labelledby="details-heading">
              <Title order={2} size="h4" id="details-heading" mb="sm">
                {t('notifications.detail.details')}
              </Title>
              <Metadata n={n} />
            </Card>
            {(n.can.followUp || n.can.edit || n.attachments.length > 0) && (
              <Card withBorder>
                <Attachments n={n} />
              </Card>
            )}
            <Card withBorder>
              <Related n={n} script={script} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
