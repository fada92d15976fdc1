import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api.ts';
import { fieldErrors, orUndefined } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import type { CreateUnitInput } from '../../../types.ts';
import { UnitFields, type UnitFieldValues } from './UnitFields.tsx';

export const emptyUnit: UnitFieldValues = {
  code: '',
  partyCode: null,
  parentId: null,
  kind: 'liaison_unit',
  nameHant: '',
  nameHans: '',
  nameEn: '',
  abbreviation: '',
  email: '',
  phone: '',
  dutyPhone: '',
  address: '',
};

export function CreateUnitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useFormState<UnitFieldValues>(emptyUnit);
  const create = useMutation({
    mutationFn: () => {
      const v = form.values;
      return api.createUnit({
        code: v.code.trim(),
        partyCode: v.partyCode ?? '',
        parentId: v.parentId ?? undefined,
        kind: v.kind as CreateUnitInput['kind'],
        // The Simplified name may be left empty: the server converts the Traditional one.
        name: { 'zh-Hant': v.nameHant.trim(), 'zh-Hans': orUndefined(v.nameHans), en: v.nameEn.trim() },
        abbreviation: orUndefined(v.abbreviation),
        email: orUndefined(v.email),
        phone: orUndefined(v.phone),
        dutyPhone: orUndefined(v.dutyPhone),
        address: orUndefined(v.address),
      });
    },
    onSuccess: async (unit) => {
      await client.invalidateQueries({ queryKey: ['units'] });
      await client.invalidateQueries({ queryKey: ['directory'] });
      navigate(`/admin/units/${unit.id}`, { state: { created: true } });
    },
  });
  return (
    <form
      noValidate
      aria-labelledby="new-unit-heading"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack maw={760}>
        <Text component="h2" id="new-unit-heading" fz="h3" fw={700} m={0}>
          {t('admin.newUnit')}
        </Text>
        <ErrorNotice error={create.error} />
        <UnitFields form={form} fieldError={fieldErrors(create.error)} contactsOnly={false} creating />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('admin.unit.create')}
          </Button>
          <Button component={Link} to="/admin/units" variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
