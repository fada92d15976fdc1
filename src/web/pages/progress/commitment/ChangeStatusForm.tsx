import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors, orUndefined } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { commitmentStatuses, type CommitmentDetail, type CommitmentStatus } from '../types.ts';

/** The owning unit changes a commitment's status; the reason joins the timeline. */
export function ChangeStatusForm({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState({ status: commitment.status as CommitmentStatus, reason: '' });

  const change = useMutation({
    mutationFn: () => progressApi.updateCommitment(commitment.id, { status: form.values.status, reason: orUndefined(form.values.reason) }),
    onSuccess: async () => {
      form.setValues((v) => ({ ...v, reason: '' }));
      await client.invalidateQueries({ queryKey: progressKeys.all });
    },
  });
  const fieldError = fieldErrors(change.error);
  const unchanged = form.values.status === commitment.status;

  return (
    <form
      noValidate
      aria-labelledby="change-status-heading"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="change-status-heading">
          {t('progress.changeStatus.title')}
        </Title>
        <ErrorNotice error={change.error} />
        <Saved show={change.isSuccess && unchanged}>{t('progress.changeStatus.saved')}</Saved>
        <Select
          label={t('progress.changeStatus.status')}
          data={commitmentStatuses.map((s) => ({ value: s, label: t(`progress.status.${s}`) }))}
          value={form.values.status}
          onChange={(v) => v && form.set('status')(v as CommitmentStatus)}
          allowDeselect={false}
          error={fieldError('status')}
          maw={320}
        />
        <Textarea label={t('progress.changeStatus.reason')} description={t('progress.changeStatus.reasonHint')} required autosize minRows={2} {...form.text('reason')} error={fieldError('reason')} />
        <Group>
          <Button type="submit" loading={change.isPending} disabled={unchanged}>
            {t('progress.changeStatus.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
