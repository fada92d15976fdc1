import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { activityKinds, participantGroups } from '../../../shared/modules/schools.ts';
import { schoolsApi, type PairDetail } from './api.ts';

type Row = { group: (typeof participantGroups)[number]; side: 'HK' | 'GD'; count: number | string };

/** Either school records an activity: what, when, where, and who took part by group and side. */
export function ActivityForm({ pair }: { pair: PairDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<string | null>('visit');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [rows, setRows] = useState<Row[]>([{ group: 'students', side: 'HK', count: '' }, { group: 'students', side: 'GD', count: '' }]);
  const add = useMutation({
    mutationFn: () =>
      schoolsApi.addActivity(pair.id, {
        kind: (kind ?? '') as never,
        heldOn,
        place: place || null,
        description,
        participants: rows.filter((r) => r.count !== '' && Number(r.count) > 0).map((r) => ({ group: r.group, side: r.side, count: Number(r.count) })),
      }),
    onSuccess: (updated) => {
      client.setQueryData(['schools', 'pair', pair.id], updated);
      setDescription('');
      setHeldOn('');
    },
  });
  const fieldError = (field: string) => (add.error instanceof ApiError ? add.error.fieldMessage(field) : undefined);
  const side = (s: string) => t(`schools.sides.${s}`);
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => (e.preventDefault(), add.mutate())}>
      <Title order={3}>{t('schools.activities.add')}</Title>
      <Group grow align="flex-start">
        <Select label={t('schools.activities.kind')} data={activityKinds.map((k) => ({ value: k, label: t(`schools.activityKinds.${k}`) }))} value={kind} onChange={setKind} error={fieldError('kind')} />
        <TextInput type="date" label={t('schools.activities.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} error={fieldError('heldOn')} />
        <TextInput label={t('schools.activities.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
      </Group>
      {rows.map((r, i) => (
        <Group key={i} grow>
          <Select label={t('schools.activities.group')} data={participantGroups.map((g) => ({ value: g, label: t(`schools.groups.${g}`) }))} value={r.group} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, group: (v ?? 'students') as Row['group'] } : x)))} />
          <Select label={t('schools.activities.side')} data={['HK', 'GD'].map((s) => ({ value: s, label: side(s) }))} value={r.side} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, side: (v ?? 'HK') as Row['side'] } : x)))} />
          <NumberInput label={t('schools.activities.count', { group: t(`schools.groups.${r.group}`), side: side(r.side) })} min={0} value={r.count} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, count: v } : x)))} />
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setRows([...rows, { group: 'teachers', side: 'HK', count: '' }])}>
          {t('schools.activities.addGroup')}
        </Button>
      </Group>
      {fieldError('participants') && <ErrorNotice error={new ApiError(400, 'validation.failed', fieldError('participants')!)} />}
      <Textarea label={t('schools.activities.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError('description')} autosize minRows={2} />
      <Group>
        <Button type="submit" loading={add.isPending}>
          {t('schools.activities.save')}
        </Button>
      </Group>
      {add.error && !(add.error instanceof ApiError && add.error.fields.length) && <ErrorNotice error={add.error} />}
    </Stack>
  );
}
