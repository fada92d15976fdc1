import { useQuery } from '@tanstack/react-query';
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { usePick } from '../../../lib/localized.ts';
import type { useFormState } from '../../../lib/useFormState.ts';
import { unitKinds } from '../../../types.ts';
import { useUnitOptions } from '../useUnitOptions.ts';

export type UnitFieldValues = {
  code: string;
  partyCode: string | null;
  parentId: string | null;
  kind: string;
  nameHant: string;
  nameHans: string;
  nameEn: string;
  abbreviation: string;
  email: string;
  phone: string;
  dutyPhone: string;
  address: string;
};

type Props = {
  form: ReturnType<typeof useFormState<UnitFieldValues>>;
  fieldError: (field: string) => string | undefined;
  /** A unit administrator may change only how to reach their unit. */
  contactsOnly: boolean;
  creating: boolean;
};

export function UnitFields({ form, fieldError, contactsOnly, creating }: Props) {
  const { t } = useTranslation();
  const pick = usePick();
  const parties = useQuery({ queryKey: ['parties'], queryFn: api.parties });
  const unitOptions = useUnitOptions();
  const locked = contactsOnly;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('admin.unit.code')} description={t('admin.unit.codeHint')} required disabled={!creating} {...form.text('code')} error={fieldError('code')} />
        <Select
          label={t('admin.unit.party')}
          required
          disabled={!creating}
          data={(parties.data ?? []).map((p) => ({ value: p.code, label: pick(p.name) }))}
          value={form.values.partyCode}
          onChange={form.set('partyCode')}
          error={fieldError('partyCode')}
        />
        <TextInput label={t('admin.unit.nameHant')} lang="zh-Hant-HK" required disabled={locked} {...form.text('nameHant')} error={fieldError('name.zh-Hant')} />
        <TextInput
          label={t('admin.unit.nameHans')}
          lang="zh-Hans-CN"
          description={t('admin.unit.nameHansHint')}
          disabled={locked}
          {...form.text('nameHans')}
          error={fieldError('name.zh-Hans')}
        />
        <TextInput label={t('admin.unit.nameEn')} lang="en" required disabled={locked} {...form.text('nameEn')} error={fieldError('name.en')} />
        <TextInput label={t('admin.unit.abbreviation')} disabled={locked} {...form.text('abbreviation')} error={fieldError('abbreviation')} />
        <Select
          label={t('admin.unit.kind')}
          disabled={locked}
          data={unitKinds.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
          value={form.values.kind}
          onChange={(v) => form.set('kind')(v ?? 'liaison_unit')}
          allowDeselect={false}
          error={fieldError('kind')}
        />
        <Select
          label={t('admin.unit.parent')}
          disabled={locked}
          data={unitOptions}
          value={form.values.parentId}
          onChange={form.set('parentId')}
          clearable
          searchable
          placeholder={t('admin.unit.noParent')}
          error={fieldError('parentId')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('directory.dutyPhone')} description={t('admin.unit.dutyPhoneHint')} type="tel" {...form.text('dutyPhone')} error={fieldError('dutyPhone')} />
        <TextInput label={t('directory.phone')} type="tel" {...form.text('phone')} error={fieldError('phone')} />
        <TextInput label={t('directory.email')} type="email" {...form.text('email')} error={fieldError('email')} />
      </SimpleGrid>
      <Textarea label={t('directory.address')} autosize minRows={2} {...form.text('address')} error={fieldError('address')} />
    </>
  );
}
