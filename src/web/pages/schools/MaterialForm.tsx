import { Button, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { materialLicences } from '../../../shared/modules/schools.ts';
import { schoolsApi, type PairDetail } from './api.ts';

/** Clause 4: either school shares a teaching material, saying under which licence. */
export function MaterialForm({ pair }: { pair: PairDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [licence, setLicence] = useState<string | null>('CC-BY-4.0');
  const [url, setUrl] = useState('');
  const share = useMutation({
    mutationFn: () => schoolsApi.shareMaterial(pair.id, { title, description, licence: (licence ?? '') as never, url: url || null }),
    onSuccess: (updated) => {
      client.setQueryData(['schools', 'pair', pair.id], updated);
      setTitle('');
      setDescription('');
      setUrl('');
    },
  });
  const fieldError = (field: string) => (share.error instanceof ApiError ? share.error.fieldMessage(field) : undefined);
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => (e.preventDefault(), share.mutate())}>
      <Title order={3}>{t('schools.materials.add')}</Title>
      <TextInput label={t('schools.materials.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError('title')} />
      <Textarea label={t('schools.materials.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError('description')} />
      <Group grow align="flex-start">
        <Select label={t('schools.materials.licence')} data={materialLicences.map((l) => ({ value: l, label: t(`schools.licences.${l}`) }))} value={licence} onChange={setLicence} error={fieldError('licence')} />
        <TextInput label={t('schools.materials.url')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={fieldError('url')} />
      </Group>
      <Group>
        <Button type="submit" loading={share.isPending}>
          {t('schools.materials.save')}
        </Button>
      </Group>
      {share.error && !(share.error instanceof ApiError && share.error.fields.length) && <ErrorNotice error={share.error} />}
    </Stack>
  );
}
