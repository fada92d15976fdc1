import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { schoolsApi, type PairDetail } from './api.ts';

type Step = 'consent' | 'decline' | 'withdraw' | 'endorse' | 'dormant' | 'reactivate' | 'end';
const needsReason: Step[] = ['decline', 'withdraw', 'dormant', 'end'];

/** The steps the reader may take on this pair now, and nothing else. */
export function PairActions({ pair }: { pair: PairDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const step = useMutation({
    mutationFn: (s: Step) => schoolsApi.step(pair.id, s, needsReason.includes(s) ? { reason } : {}),
    onSuccess: (updated) => {
      client.setQueryData(['schools', 'pair', pair.id], updated);
      void client.invalidateQueries({ queryKey: ['schools', 'pairs'] });
      setReason('');
    },
  });
  const steps: Step[] = [
    ...(pair.can.consent ? (['consent', 'decline'] as const) : []),
    ...(pair.can.endorse ? (['endorse'] as const) : []),
    ...(pair.can.withdraw ? (['withdraw'] as const) : []),
    ...(pair.can.changeStatus ? (pair.status === 'active' ? (['dormant', 'end'] as const) : (['reactivate', 'end'] as const)) : []),
  ];
  if (!steps.length) return null;
  const withReason = steps.some((s) => needsReason.includes(s));
  return (
    <Stack gap="xs">
      {withReason && <TextInput label={t('schools.pair.reason')} description={t('schools.pair.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={step.error instanceof ApiError ? step.error.fieldMessage('reason') : undefined} />}
      <Group>
        {steps.map((s) => (
          <Button key={s} variant={s === 'consent' || s === 'endorse' || s === 'reactivate' ? 'filled' : 'default'} loading={step.isPending && step.variables === s} onClick={() => step.mutate(s)}>
            {t(`schools.steps.${s}`)}
          </Button>
        ))}
      </Group>
      <ErrorNotice error={step.error} />
    </Stack>
  );
}
