import { Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../types.ts';
import { useMe } from '../../../session.ts';
import { useUnitOptions } from '../useUnitOptions.ts';
import type { useFormState } from '../../../lib/useFormState.ts';

export type UserFieldValues = {
  displayName: string;
  title: string;
  email: string;
  phone: string;
  unitId: string | null;
  roles: Role[];
  isPlatformAdmin: boolean;
  locale: string;
};

type Props = {
  form: ReturnType<typeof useFormState<UserFieldValues>>;
  fieldError: (field: string) => string | undefined;
  /** An approver's roles, which only the platform administrator changes. */
  rolesLocked?: boolean;
};

/** The fields a user has, shared by the create and edit forms; a unit administrator cannot move users, grant platform rights or designate approvers. */
export function UserFields({ form, fieldError, rolesLocked = false }: Props) {
  const { t } = useTranslation();
  const { me } = useMe();
  const unitOptions = useUnitOptions();
  const platform = !!me?.isPlatformAdmin;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('admin.user.displayName')} required {...form.text('displayName')} error={fieldError('displayName')} />
        <TextInput label={t('admin.user.title')} {...form.text('title')} error={fieldError('title')} />
        <TextInput label={t('admin.user.email')} type="email" autoComplete="off" {...form.text('email')} error={fieldError('email')} />
        <TextInput label={t('admin.user.phone')} type="tel" {...form.text('phone')} error={fieldError('phone')} />
        <Select
          label={t('admin.user.unit')}
          data={unitOptions}
          value={form.values.unitId}
          onChange={form.set('unitId')}
          disabled={!platform}
          searchable
          clearable={platform}
          placeholder={t('admin.user.noUnit')}
          error={fieldError('unitId')}
        />
        <Select
          label={t('admin.user.locale')}
          data={[
            { value: '', label: t('admin.user.localeBrowser') },
            { value: 'zh-Hant', label: t('languages.zh-Hant') },
            { value: 'zh-Hans', label: t('languages.zh-Hans') },
            { value: 'en', label: t('languages.en') },
          ]}
          value={form.values.locale}
          onChange={(v) => form.set('locale')(v ?? '')}
          allowDeselect={false}
          error={fieldError('locale')}
        />
      </SimpleGrid>
      <Checkbox.Group label={t('admin.user.roles')} value={form.values.roles} onChange={(v) => form.set('roles')(v as Role[])} error={fieldError('roles')}>
        <Group mt="xs">
          {roles.map((r) => (
            <Checkbox
              key={r}
              value={r}
              label={t(`roles.${r}`)}
              description={t(`roleDescriptions.${r}`)}
              maw={220}
              // Approvers are designated by the platform administrator, and are no unit administrators:
              // a role is offered only while its incompatible one is not held (one held can be taken off).
              disabled={rolesLocked || (!form.values.roles.includes(r) && ((!platform && r === 'approver') || (r === 'approver' && form.values.roles.includes('unit_admin')) || (r === 'unit_admin' && form.values.roles.includes('approver'))))}
            />
          ))}
        </Group>
      </Checkbox.Group>
      {platform && (
        <Checkbox
          label={t('roles.platform_admin')}
          description={t('roleDescriptions.platform_admin')}
          checked={form.values.isPlatformAdmin}
          onChange={(e) => form.set('isPlatformAdmin')(e.currentTarget.checked)}
        />
      )}
    </>
  );
}
