import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ParticipantRow = { unitId: string | null; name: string; role: string };
type Props = {
  rows: ParticipantRow[];
  onChange: (rows: ParticipantRow[]) => void;
  units: { value: string; label: string }[];
  fieldError: (field: string) => string | undefined;
};

/** Who attends for each unit taking part, with their post. */
export function ParticipantRows({ rows, onChange, units, fieldError }: Props) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<ParticipantRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Fieldset legend={t('meetings.participants')} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <Stack gap="sm">
        {!rows.length && (
          <Text size="sm" c="dimmed">
            {t('meetings.noParticipants')}
          </Text>
        )}
        {rows.map((row, index) => (
          <Fieldset key={index} legend={t('meetings.participantRow', { n: index + 1 })} p="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
              <Select label={t('meetings.unit')} data={units} value={row.unitId} onChange={(unitId) => change(index, { unitId })} required allowDeselect={false} error={fieldError(`participants.${index}.unitId`)} />
              <TextInput label={t('meetings.participantName')} required value={row.name} onChange={(e) => change(index, { name: e.currentTarget.value })} error={fieldError(`participants.${index}.name`)} />
              <TextInput label={t('meetings.participantRole')} value={row.role} onChange={(e) => change(index, { role: e.currentTarget.value })} error={fieldError(`participants.${index}.role`)} />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                {t('meetings.removeParticipant', { n: index + 1 })}
              </Button>
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button size="xs" variant="default" onClick={() => onChange([...rows, { unitId: null, name: '', role: '' }])}>
            {t('meetings.addParticipant')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Participants as the API takes them: rows left empty are dropped. */
export const participantsInput = (rows: ParticipantRow[]) =>
  rows.filter((r) => r.unitId || r.name.trim()).map((r) => ({ unitId: r.unitId ?? '', name: r.name.trim(), role: r.role.trim() || null }));
