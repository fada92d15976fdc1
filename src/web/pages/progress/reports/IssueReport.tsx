import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import type { Report } from '../types.ts';

/** An approver of the drafting unit issues the report: it is frozen as a snapshot, fingerprinted and made public. */
export function IssueReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const issue = useMutation({
    mutationFn: () => progressApi.issueReport(report.id),
    onSuccess: async (issued) => {
      client.setQueryData(progressKeys.report(report.id), issued);
      await client.invalidateQueries({ queryKey: progressKeys.reports });
    },
  });

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('progress.issue.title')}
      </Title>
      <Text size="sm">{t('progress.issue.intro')}</Text>
      <ErrorNotice error={issue.error} />
      {!report.issuable && (
        <Text size="sm" c="dimmed">
          {t('progress.issue.approversOnly')}
        </Text>
      )}
      {report.issuable && !confirming && (
        <Group>
          <Button onClick={() => setConfirming(true)}>{t('progress.issue.start')}</Button>
        </Group>
      )}
      {report.issuable && confirming && (
        <>
          <Text size="sm" fw={600} role="status">
            {t('progress.issue.confirmText')}
          </Text>
          <Group>
            <Button color="red.9" loading={issue.isPending} onClick={() => issue.mutate()}>
              {t('progress.issue.confirm')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('progress.cancel')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
