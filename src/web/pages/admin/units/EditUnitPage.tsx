import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../api.ts';
import { fieldErrors, orNull } from '../../../lib/forms.ts';
import { usePick } from '../../../lib/localized.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import { useMe } from '../../../session.ts';
import type { UnitDetail, UpdateUnitInput } from '../../../types.ts';
import { UnitFields, type UnitFieldValues } from './UnitFields.tsx';

export function EditUnitPage() {
  const { id = '' } = useParams();
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => api.unit(id) });
  if (unit.isPending) return <Loading />;
  if (unit.error) return <ErrorNotice error={unit.error} />;
  return <EditUnit key={unit.data.id} unit={unit.data} />;
}

function EditUnit({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  const { me } = useMe();
  const location = useLocation();
  const client = useQueryClient();
  const platform = !!me?.isPlatformAdmin;
  const form = useFormState<UnitFieldValues>({
    code: unit.code,
    partyCode: unit.partyCode,
    parentId: unit.parentId,
    kind: unit.kind,
    nameHant: unit.name['zh-Hant'],
    nameHans: unit.name['zh-Hans'],
    nameEn: unit.name.en,
    abbreviation: unit.abbreviation ?? '',
    email: unit.email ?? '',
    phone: unit.phone ?? '',
    dutyPhone: unit.dutyPhone ?? '',
    address: unit.address ?? '',
  });
  const active = useFormState({ active: unit.active });

  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      const contacts = { email: orNull(v.email), phone: orNull(v.phone), dutyPhone: orNull(v.dutyPhone), address: orNull(v.address) };
      const change: UpdateUnitInput = platform
        ? {
            ...contacts,
            name: { 'zh-Hant': v.nameHant.trim(), 'zh-Hans': v.nameHans.trim() || undefined, en: v.nameEn.trim() },
            parentId: v.parentId,
            kind: v.kind as UpdateUnitInput['kind'],
            abbreviation: orNull(v.abbreviation),
            active: active.values.active,
          }
        : contacts;
      return api.updateUnit(unit.id, change);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['unit', unit.id] });
      void client.invalidateQueries({ queryKey: ['units'] });
      void client.invalidateQueries({ queryKey: ['directory'] });
    },
  });
  const created = (location.state as { created?: boolean } | null)?.created && !save.isSuccess;

  return (
    <form
      noValidate
      aria-labelledby="edit-unit-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack maw={760}>
        <Text component="h2" id="edit-unit-heading" fz="h3" fw={700} m={0}>
          {t('admin.editUnit', { name: pick(unit.name) })}
        </Text>
        <Anchor component={Link} to={`/directory/units/${unit.id}`} size="sm">
          {t('admin.unit.viewInDirectory')}
        </Anchor>
        {!platform && <Text c="dimmed">{t('admin.unit.contactsOnly')}</Text>}
        <Saved show={!!created}>{t('admin.unit.created')}</Saved>
        <ErrorNotice error={save.error} />
        <Saved show={save.isSuccess}>{t('common.saved')}</Saved>
        <UnitFields form={form} fieldError={fieldErrors(save.error)} contactsOnly={!platform} creating={false} />
        {platform && (
          <Checkbox
            label={t('admin.unit.active')}
            description={t('admin.unit.activeHint')}
            checked={active.values.active}
            onChange={(e) => active.set('active')(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
