import { useTranslation } from 'react-i18next';
import { scriptLang } from '../../../lib/shownScript.ts';
import { distributionKeys, hazardKeys, productKeys, type ComposeValues } from './values.ts';
import { RowsEditor } from './RowsEditor.tsx';
import type { ComposeForm } from './useComposeForm.ts';

/** The products concerned, the hazards found and where the food went: rows the officer adds as needed. */
export function RecordRows({ form, fieldError }: { form: ComposeForm; fieldError: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const lang = scriptLang[form.values.script];
  const common = (name: 'products' | 'hazards' | 'distribution') => ({
    legend: t(`notifications.${name}.legend`),
    rowLegend: (n: number) => t(`notifications.${name}.row`, { n }),
    addLabel: t(`notifications.${name}.add`),
    removeLabel: (n: number) => t(`notifications.${name}.remove`, { n }),
    emptyText: t(`notifications.${name}.none`),
    field: name,
    fieldError,
  });
  const set = <K extends keyof ComposeValues>(key: K) => (value: ComposeValues[K]) => form.set(key)(value);
  return (
    <>
      <RowsEditor
        {...common('products')}
        columns={productKeys.map((key) => ({ key, label: t(`notifications.products.${key}`), required: key === 'name', lang: key === 'hsCode' ? undefined : lang }))}
        rows={form.values.products}
        onChange={set('products')}
      />
      <RowsEditor
        {...common('hazards')}
        columns={hazardKeys.map((key) => ({ key, label: t(`notifications.hazards.${key}`), required: key === 'agent', lang: key === 'agent' ? lang : undefined }))}
        rows={form.values.hazards}
        onChange={set('hazards')}
      />
      <RowsEditor
        {...common('distribution')}
        columns={distributionKeys.map((key) => ({ key, label: t(`notifications.distribution.${key}`), required: key === 'area', lang }))}
        rows={form.values.distribution}
        onChange={set('distribution')}
      />
    </>
  );
}
