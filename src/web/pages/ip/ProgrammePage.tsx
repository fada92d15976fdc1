import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePick } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { ipApi, type ProgrammeItem } from './api.ts';

const statuses = ['not_started', 'in_progress', 'achieved', 'overtaken', 'dropped'] as const;

/** The agreement's 21 items (M22) as commitments of the progress capability: owners, status and the progress recorded. */
export function ProgrammePage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.programme.title'));
  const items = useQuery({ queryKey: ['ip', 'programme'], queryFn: ipApi.programme });
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.programme.title')}</Title>
      <Text c="dimmed">{t('ip.programme.intro')}</Text>
      {items.isPending && <Loading />}
      <ErrorNotice error={items.error} />
      {items.data && !items.data.length && <Text c="dimmed">{t('ip.programme.none')}</Text>}
      {items.data?.map((item) => <ItemCard key={item.id} item={item} />)}
    </Stack>
  );
}

function ItemCard({ item }: { item: ProgrammeItem }) {
  const { t } = useTranslation();
  const pick = usePick();
  const client = useQueryClient();
  const [status, setStatus] = useState<string>(item.status);
  const [note, setNote] = useState('');
  const update = useMutation({
    mutationFn: () => ipApi.updateProgramme(item.code, { status, note }),
    onSuccess: () => {
      setNote('');
      void client.invalidateQueries({ queryKey: ['ip', 'programme'] });
    },
  });
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {t('ip.programme.item', { clause: item.clause })}
          </Text>
          <Title order={2} size="h5">
            {pick(item.title)}
          </Title>
        </div>
        <Tag color={item.status === 'achieved' ? 'teal' : item.status === 'in_progress' ? 'blue' : 'gray'}>{t(`ip.programme.statuses.${item.status}`)}</Tag>
      </Group>
      <Text size="sm" c="dimmed">
        {t('ip.programme.owner')}: {item.owner.unit ? pick(item.owner.unit.name) : pick(item.owner.body)} · {item.parties.map((p) => t(`ip.parties.${p}`)).join(' / ')}
        {item.dueBy ? ` · ${t('ip.programme.dueBy', { day: item.dueBy })}` : ''}
      </Text>
      {item.timeline.slice(1).map((c, n) => (
        <Text key={n} size="sm">
          {c.at.slice(0, 10)} · {c.by}: {c.note}
          {c.from !== c.to ? ` (${t(`ip.programme.statuses.${c.to}`)})` : ''}
        </Text>
      ))}
      {item.canUpdate && (
        <Group align="flex-end" mt="xs">
          <Textarea label={t('ip.programme.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize style={{ flex: 1 }} />
          <Select label={t('ip.programme.statusAfter')} data={statuses.map((s) => ({ value: s, label: t(`ip.programme.statuses.${s}`) }))} value={status} onChange={(v) => v && setStatus(v)} allowDeselect={false} w={180} />
          <Button onClick={() => update.mutate()} loading={update.isPending}>
            {t('ip.programme.record')}
          </Button>
        </Group>
      )}
      <ErrorNotice error={update.error} />
    </Card>
  );
}
