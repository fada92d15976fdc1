import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../lib/forms.ts';
import { RevealForm } from '../../components/RevealForm.tsx';
import { Saved } from '../../components/Saved.tsx';
import { exerciseKinds } from '../../../shared/modules/sar-plans.ts';
import { sarApi, type ExerciseInput, type PlanDetail } from './api.ts';

type Action = { action: string; owner: string; dueOn: string };
const noAction: Action = { action: '', owner: '', dueOn: '' };

/** The plan's owner records an exercise (MSC.1/Circ.1079/Rev.1: at least once in 12 months): kind, day, who took part, findings, what follows. */
export function ExerciseForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<string | null>('communications');
  const [heldOn, setHeldOn] = useState('');
  const [participants, setParticipants] = useState('');
  const [findings, setFindings] = useState('');
  const [actions, setActions] = useState<Action[]>([{ ...noAction }]);
  const record = useMutation({
    mutationFn: () =>
      sarApi.recordExercise(plan.id, {
        kind: (kind ?? '') as ExerciseInput['kind'],
        heldOn,
        // One participant a line, as written on a phone as easily as on a desk.
        participants: participants.split('\n').map((p) => p.trim()).filter(Boolean),
        findings,
        followUpActions: actions.filter((a) => a.action.trim() || a.owner.trim()).map((a) => ({ action: a.action, owner: a.owner, dueOn: a.dueOn || null })),
      }),
    onSuccess: (updated) => {
      client.setQueryData(['sar-plans', 'plan', plan.id], updated);
      void client.invalidateQueries({ queryKey: ['sar-plans', 'dashboard'] });
      setHeldOn('');
      setParticipants('');
      setFindings('');
      setActions([{ ...noAction }]);
    },
  });
  const fieldError = fieldErrors(record.error);
  const set = (i: number, change: Partial<Action>) => setActions(actions.map((a, j) => (j === i ? { ...a, ...change } : a)));
  return (
    <Stack gap="xs">
      <Saved show={record.isSuccess}>{t('sar-plans.form.exerciseRecorded')}</Saved>
      <RevealForm label={t('sar-plans.form.recordExercise')} action={record}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('sar-plans.form.exerciseKind')} required data={exerciseKinds.map((k) => ({ value: k, label: t(`sar-plans.exerciseKinds.${k}`) }))} value={kind} onChange={setKind} allowDeselect={false} error={fieldError('kind')} />
          <TextInput type="date" label={t('sar-plans.form.heldOn')} required value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} error={fieldError('heldOn')} />
        </SimpleGrid>
        <Textarea label={t('sar-plans.form.participants')} description={t('sar-plans.form.participantsHint')} required autosize minRows={3} value={participants} onChange={(e) => setParticipants(e.currentTarget.value)} error={fieldError('participants')} />
        <Textarea label={t('sar-plans.form.findings')} required autosize minRows={3} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} error={fieldError('findings')} />
        <Text fw={600} size="sm">
          {t('sar-plans.form.followUpActions')}
        </Text>
        {actions.map((a, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <TextInput style={{ flex: '2 1 14rem' }} label={t('sar-plans.form.followUpAction', { n: i + 1 })} value={a.action} onChange={(e) => set(i, { action: e.currentTarget.value })} error={fieldError(`followUpActions.${i}.action`)} />
            <TextInput style={{ flex: '1 1 9rem' }} label={t('sar-plans.form.followUpOwner', { n: i + 1 })} value={a.owner} onChange={(e) => set(i, { owner: e.currentTarget.value })} error={fieldError(`followUpActions.${i}.owner`)} />
            <TextInput style={{ flex: '1 1 9rem' }} type="date" label={t('sar-plans.form.followUpDue', { n: i + 1 })} value={a.dueOn} onChange={(e) => set(i, { dueOn: e.currentTarget.value })} error={fieldError(`followUpActions.${i}.dueOn`)} />
            {actions.length > 1 && (
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('sar-plans.form.removeFollowUp', { n: i + 1 })} onClick={() => setActions(actions.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setActions([...actions, { ...noAction }])}>
            {t('sar-plans.form.addFollowUp')}
          </Button>
        </Group>
      </RevealForm>
    </Stack>
  );
}
