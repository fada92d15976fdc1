import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../lib/localized.ts';
import type { CompanyDetail } from './api.ts';

/** Where a changed field's name is, among the form's labels. */
const labelKey: Record<string, string> = { callSign: 'register.callSign', companyId: 'register.company', routes: 'register.routes', imoNumber: 'register.imo' };

/** A ship's or company's changes, newest as the server lists them: when, who, which fields. */
export function RegisterHistory({ history }: { history: CompanyDetail['history'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = (field: string) => t(`sar-plans.${labelKey[field] ?? `form.${field}`}`, { defaultValue: field });
  return (
    <>
      <Title order={2}>{t('sar-plans.form.history')}</Title>
      {history.length === 0 ? (
        <Text c="dimmed">{t('sar-plans.plan.none')}</Text>
      ) : (
        <List size="sm" aria-label={t('sar-plans.form.history')}>
          {history.map((h, i) => (
            <List.Item key={i}>
              {formatDate(h.at, locale)} · {h.actor} · {t(`sar-plans.form.changes.${h.change}`, { defaultValue: h.change })}
              {Object.keys(h.fields).length > 0 && `${t('common.colon')}${Object.keys(h.fields).map(label).join(t('common.listSeparator'))}`}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
