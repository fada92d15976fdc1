import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { fieldErrors, orNull } from '../../lib/forms.ts';
import { usePick } from '../../lib/localized.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Saved } from '../../components/Saved.tsx';
import { sarApi, type CompanyDetail, type CompanyInput } from './api.ts';
import { RegisterHistory } from './RegisterHistory.tsx';
import { useSarAgency } from './useSarAgency.ts';

type Values = { registrationNo: string; nameZh: string; nameEn: string; address: string; contactName: string; contactPhone: string; contactEmail: string };
const empty: Values = { registrationNo: '', nameZh: '', nameEn: '', address: '', contactName: '', contactPhone: '', contactEmail: '' };

/** A company of the agency's place: registered here, or changed (its history kept). */
export function CompanyPage() {
  const { id } = useParams();
  const company = useQuery({ queryKey: ['sar-plans', 'company', id], queryFn: () => sarApi.company(id!), enabled: !!id });
  if (!id) return <CompanyForm />;
  if (company.isPending) return <Loading />;
  if (company.error) return <ErrorNotice error={company.error} />;
  return <CompanyForm key={company.data.id} company={company.data} />;
}

function CompanyForm({ company }: { company?: CompanyDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const { agency } = useSarAgency();
  const place = company?.place ?? agency?.place ?? '';
  const title = company ? pick(company.name) : t('sar-plans.form.newCompany');
  usePageTitle(title);
  const form = useFormState<Values>(
    company
      ? { registrationNo: company.registrationNo, nameZh: company.name.asWritten, nameEn: company.name.en, address: company.address ?? '', contactName: company.contact.name, contactPhone: company.contact.phone, contactEmail: company.contact.email ?? '' }
      : empty,
  );
  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      const fields = { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), address: orNull(v.address), contactName: v.contactName.trim(), contactPhone: v.contactPhone.trim(), contactEmail: orNull(v.contactEmail) };
      return company ? sarApi.updateCompany(company.id, fields) : sarApi.createCompany({ ...fields, registrationNo: v.registrationNo.trim(), place: place as CompanyInput['place'] });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['sar-plans'] });
      if (!company) navigate(`/sar-plans/companies/${saved.id}`, { state: { created: true } });
      else client.setQueryData(['sar-plans', 'company', saved.id], saved);
    },
  });
  const fieldError = fieldErrors(save.error);
  const created = (location.state as { created?: boolean } | null)?.created && !save.isSuccess;
  const mayEdit = company ? company.mayEdit : !!agency?.mayEdit;
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text c="dimmed">
        {t('sar-plans.register.place')}: {place ? t(`sar-plans.places.${place}`) : ''}
      </Text>
      <Saved show={!!created}>{t('sar-plans.form.companyRegistered')}</Saved>
      <Saved show={save.isSuccess && !!company}>{t('common.saved')}</Saved>
      <form noValidate aria-label={title} onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <Stack gap="sm">
          <ErrorNotice error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('sar-plans.form.registrationNo')} required disabled={!!company || !mayEdit} {...form.text('registrationNo')} error={fieldError('registrationNo')} />
            <TextInput label={t('sar-plans.form.nameZh')} description={t(place === 'GD' ? 'sar-plans.form.writtenHans' : 'sar-plans.form.writtenHant')} required disabled={!mayEdit} {...form.text('nameZh')} error={fieldError('nameZh')} />
            <TextInput label={t('sar-plans.form.nameEn')} lang="en" required disabled={!mayEdit} {...form.text('nameEn')} error={fieldError('nameEn')} />
            <TextInput label={t('sar-plans.form.address')} disabled={!mayEdit} {...form.text('address')} error={fieldError('address')} />
            <TextInput label={t('sar-plans.form.contactName')} description={t('sar-plans.form.contactHint')} required disabled={!mayEdit} {...form.text('contactName')} error={fieldError('contactName')} />
            <TextInput label={t('sar-plans.form.contactPhone')} type="tel" required disabled={!mayEdit} {...form.text('contactPhone')} error={fieldError('contactPhone')} />
            <TextInput label={t('sar-plans.form.contactEmail')} type="email" disabled={!mayEdit} {...form.text('contactEmail')} error={fieldError('contactEmail')} />
          </SimpleGrid>
          <Group>
            {mayEdit && (
              <Button type="submit" loading={save.isPending}>
                {company ? t('common.save') : t('sar-plans.form.registerCompany')}
              </Button>
            )}
            <Button component={Link} to="/sar-plans/register" variant="default">
              {t('sar-plans.form.backToRegister')}
            </Button>
          </Group>
        </Stack>
      </form>
      {company && <RegisterHistory history={company.history} />}
    </Stack>
  );
}
