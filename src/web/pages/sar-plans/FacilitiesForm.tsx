import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, orNull } from '../../lib/forms.ts';
import { RevealForm } from '../../components/RevealForm.tsx';
import { Saved } from '../../components/Saved.tsx';
import { sarPlaces } from '../../../shared/modules/sar-plans.ts';
import { sarApi, type PlanChange, type PlanDetail } from './api.ts';

type Facility = { place: string | null; kind: string | null; nameZh: string; nameEn: string; contact: string };
const facilityKinds = ['vessel', 'aircraft', 'shore'] as const;
/** Names are written in the facility's place's script: Simplified in Guangdong, Traditional in Hong Kong and Macao. */
const scriptOf = (place: string | null) => (place === 'GD' ? 'zh-Hans' : 'zh-Hant');

const rowsOf = (plan: PlanDetail): Facility[] => plan.facilities.map((f) => ({ place: f.place, kind: f.kind, nameZh: f.name[scriptOf(f.place)], nameEn: f.name.en, contact: f.contact ?? '' }));

/** The plan's owner edits Module 4 — the SAR facilities of the three places — and the notes; the next issue carries them. */
export function FacilitiesForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useState<Facility[]>(() => rowsOf(plan));
  const [notes, setNotes] = useState(plan.notes ?? '');
  const save = useMutation({
    mutationFn: () =>
      sarApi.updatePlan(plan.id, {
        facilities: rows.map((r) => ({ place: (r.place ?? '') as NonNullable<PlanChange['facilities']>[number]['place'], kind: (r.kind ?? '') as 'vessel', nameZh: r.nameZh, nameEn: r.nameEn, contact: orNull(r.contact) })),
        notes: orNull(notes),
      }),
    onSuccess: (updated) => {
      client.setQueryData(['sar-plans', 'plan', plan.id], updated);
      void client.invalidateQueries({ queryKey: ['sar-plans', 'plans'] });
    },
  });
  const fieldError = fieldErrors(save.error);
  const set = (i: number, change: Partial<Facility>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const at = (i: number, field: string) => fieldError(`facilities.${i}.${field}`);
  return (
    <Stack gap="xs">
      <Saved show={save.isSuccess}>{t('sar-plans.form.facilitiesSaved')}</Saved>
      <RevealForm label={t('sar-plans.form.editFacilities')} action={save}>
        {rows.map((r, i) => (
          <Paper key={i} withBorder p="xs" role="group" aria-label={t('sar-plans.form.facility', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('sar-plans.form.facilityPlace', { n: i + 1 })} required data={sarPlaces.map((p) => ({ value: p, label: t(`sar-plans.places.${p}`) }))} value={r.place} onChange={(v) => set(i, { place: v })} error={at(i, 'place')} />
              <Select label={t('sar-plans.form.facilityKind', { n: i + 1 })} required data={facilityKinds.map((k) => ({ value: k, label: t(`sar-plans.facilityKinds.${k}`) }))} value={r.kind} onChange={(v) => set(i, { kind: v })} error={at(i, 'kind')} />
              <TextInput label={t('sar-plans.form.facilityNameZh', { n: i + 1 })} description={t(scriptOf(r.place) === 'zh-Hans' ? 'sar-plans.form.writtenHans' : 'sar-plans.form.writtenHant')} required value={r.nameZh} onChange={(e) => set(i, { nameZh: e.currentTarget.value })} error={at(i, 'nameZh')} />
              <TextInput label={t('sar-plans.form.facilityNameEn', { n: i + 1 })} lang="en" required value={r.nameEn} onChange={(e) => set(i, { nameEn: e.currentTarget.value })} error={at(i, 'nameEn')} />
              <TextInput label={t('sar-plans.form.facilityContact', { n: i + 1 })} value={r.contact} onChange={(e) => set(i, { contact: e.currentTarget.value })} error={at(i, 'contact')} />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('sar-plans.form.removeFacility', { n: i + 1 })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setRows([...rows, { place: plan.shipModule.place, kind: 'vessel', nameZh: '', nameEn: '', contact: '' }])}>
            {t('sar-plans.form.addFacility')}
          </Button>
        </Group>
        <Textarea label={t('sar-plans.form.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fieldError('notes')} />
      </RevealForm>
    </Stack>
  );
}
