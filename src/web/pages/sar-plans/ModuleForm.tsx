import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors, orNull } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { RevealForm } from '../../components/RevealForm.tsx';
import { Saved } from '../../components/Saved.tsx';
import { sarApi, type RccModule } from './api.ts';

type Script = 'zh-Hant' | 'zh-Hans';
type Values = {
  nameHant: string;
  nameHans: string;
  nameEn: string;
  telephone: string;
  fax: string;
  email: string;
  mmsi: string;
  vhf: string;
  script: Script;
  addressZh: string;
  addressEn: string;
  proceduresZh: string;
  proceduresEn: string;
  changeNote: string;
};

function initial(current: RccModule | undefined, script: Script): Values {
  const c = current?.content;
  return {
    nameHant: c?.rccName['zh-Hant'] ?? '',
    nameHans: c?.rccName['zh-Hans'] ?? '',
    nameEn: c?.rccName.en ?? '',
    telephone: c?.telephone ?? '',
    fax: c?.fax ?? '',
    email: c?.email ?? '',
    mmsi: c?.mmsi ?? '',
    vhf: c?.vhf ?? '',
    script,
    addressZh: c?.address[script] ?? '',
    addressEn: c?.address.en ?? '',
    proceduresZh: c?.procedures[script] ?? '',
    proceduresEn: c?.procedures.en ?? '',
    changeNote: '',
  };
}

/**
 * The signed-in agency issues the next version of its own Module 3, starting from the current one:
 * every plan carrying the old version is flagged and its owner told (the server does that).
 */
export function ModuleForm({ current, place }: { current: RccModule | undefined; place: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState<Values>(initial(current, place === 'GD' ? 'zh-Hans' : 'zh-Hant'));
  const issue = useMutation({
    mutationFn: () => {
      const v = form.values;
      return sarApi.issueModule({
        rccName: { 'zh-Hant': v.nameHant.trim(), 'zh-Hans': v.nameHans.trim(), en: v.nameEn.trim() },
        telephone: v.telephone.trim(),
        fax: orNull(v.fax),
        email: orNull(v.email),
        mmsi: orNull(v.mmsi),
        vhf: orNull(v.vhf),
        address: { script: v.script, zh: v.addressZh.trim(), en: v.addressEn.trim() },
        procedures: { script: v.script, zh: v.proceduresZh.trim(), en: v.proceduresEn.trim() },
        changeNote: orNull(v.changeNote),
      });
    },
    onSuccess: () => {
      form.set('changeNote')('');
      void client.invalidateQueries({ queryKey: ['sar-plans'] });
    },
  });
  const fieldError = fieldErrors(issue.error);
  return (
    <>
      <Saved show={issue.isSuccess}>{t('sar-plans.form.moduleIssued')}</Saved>
      <RevealForm label={current ? t('sar-plans.form.issueModule') : t('sar-plans.form.issueFirstModule')} action={issue}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('sar-plans.form.rccNameHant')} lang="zh-Hant-HK" required {...form.text('nameHant')} error={fieldError('rccName.zh-Hant')} />
          <TextInput label={t('sar-plans.form.rccNameHans')} lang="zh-Hans-CN" required {...form.text('nameHans')} error={fieldError('rccName.zh-Hans')} />
          <TextInput label={t('sar-plans.form.rccNameEn')} lang="en" required {...form.text('nameEn')} error={fieldError('rccName.en')} />
          <TextInput label={t('sar-plans.form.telephone')} type="tel" required {...form.text('telephone')} error={fieldError('telephone')} />
          <TextInput label={t('sar-plans.form.fax')} type="tel" {...form.text('fax')} error={fieldError('fax')} />
          <TextInput label={t('sar-plans.form.email')} type="email" {...form.text('email')} error={fieldError('email')} />
          <TextInput label={t('sar-plans.form.mmsi')} inputMode="numeric" {...form.text('mmsi')} error={fieldError('mmsi')} />
          <TextInput label={t('sar-plans.form.vhf')} {...form.text('vhf')} error={fieldError('vhf')} />
          <Select
            label={t('sar-plans.form.script')}
            data={[
              { value: 'zh-Hant', label: t('languages.zh-Hant') },
              { value: 'zh-Hans', label: t('languages.zh-Hans') },
            ]}
            value={form.values.script}
            onChange={(v) => form.set('script')((v ?? 'zh-Hant') as Script)}
            allowDeselect={false}
            error={fieldError('address.script') ?? fieldError('procedures.script') ?? fieldError('script')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('sar-plans.form.addressZh')} required autosize minRows={2} {...form.text('addressZh')} error={fieldError('address.zh')} />
          <Textarea label={t('sar-plans.form.addressEn')} lang="en" required autosize minRows={2} {...form.text('addressEn')} error={fieldError('address.en')} />
          <Textarea label={t('sar-plans.form.proceduresZh')} required autosize minRows={4} {...form.text('proceduresZh')} error={fieldError('procedures.zh')} />
          <Textarea label={t('sar-plans.form.proceduresEn')} lang="en" required autosize minRows={4} {...form.text('proceduresEn')} error={fieldError('procedures.en')} />
        </SimpleGrid>
        <Textarea label={t('sar-plans.form.changeNote')} autosize minRows={2} {...form.text('changeNote')} error={fieldError('changeNote')} />
      </RevealForm>
    </>
  );
}
