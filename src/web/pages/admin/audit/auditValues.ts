import type { TFunction } from 'i18next';
import en from '../../../../shared/locales/en/errors.json' with { type: 'json' };
import zhHant from '../../../../shared/locales/zh-Hant/errors.json' with { type: 'json' };
import zhHans from '../../../../shared/locales/zh-Hans/errors.json' with { type: 'json' };
import { formatDate, pickText } from '../../../lib/localized.ts';
import type { AuditEntry, Locale } from '../../../types.ts';

/** The names of the fields, as the server's messages name them ("Addressed to", "Deadline"), in each language. */
const fieldNames: Record<Locale, Record<string, string>> = { en: en.fields, 'zh-Hant': zhHant.fields, 'zh-Hans': zhHans.fields };

/** Kept in the details only: fingerprints and the like say nothing to a reader. */
const detailOnly = new Set(['hash', 'previousHash', 'snapshotHash', 'sha256', 'reference', 'followUpId', 'consultationId', 'attachmentId']);

/** Where the words for a field's coded values are. */
const valueNames: Record<string, string[]> = {
  classification: ['notifications.classification'],
  newClassification: ['notifications.classification'],
  category: ['notifications.category'],
  riskDecision: ['notifications.riskDecision'],
  basis: ['notifications.basis'],
  status: ['notifications.status', 'progress.reportStatus'],
  previousStatus: ['notifications.status'],
  script: ['languages'],
  locale: ['languages'],
  lang: ['languages'],
  roles: ['roles'],
  removedRole: ['roles'],
  means: ['notifications.dissemination.meansOf'],
  outcome: ['verification.outcome'],
  kind: ['meetings.kinds', 'notifications.followUp.kinds', 'verification.kinds'],
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instant = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

export type Labelled = { key: string; label: string; value: string };

/** A field's name in the reader's language; a field no message names is spelled out from its name. */
export function fieldLabel(key: string, locale: Locale, t: TFunction): string {
  // The trail's own words first (a meeting's "title" is not a post title), then the messages'.
  return t(`auditView.fields.${key}`, { defaultValue: fieldNames[locale][key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()) });
}

/** One value as a person reads it: names for ids, dates in the region's time, words for codes. */
export function formatValue(key: string, value: unknown, entry: AuditEntry, locale: Locale, t: TFunction, exists: (key: string) => boolean): string {
  if (value === null || value === undefined || value === '') return t('auditView.none');
  if (typeof value === 'boolean') return t(value ? 'auditView.yes' : 'auditView.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (uuid.test(value)) {
      const named = entry.names[value.toLowerCase()];
      return named ? pickText(named.label, locale) : t('auditView.anotherRecord');
    }
    if (key === 'fields') return fieldLabel(value, locale, t);
    if (instant.test(value)) return formatDate(value, locale);
    for (const prefix of valueNames[key] ?? []) if (exists(`${prefix}.${value}`)) return t(`${prefix}.${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(key, v, entry, locale, t, exists)).join(t('common.listSeparator')) : t('auditView.none');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k, locale, t)}${t('common.colon')}${formatValue(k, v, entry, locale, t, exists)}`)
      .join(t('auditView.fieldSeparator'));
  return String(value);
}

/** The entry's data as labelled values, in the reader's language. */
export function labelledValues(entry: AuditEntry, locale: Locale, t: TFunction, exists: (key: string) => boolean): Labelled[] {
  return Object.entries(entry.data)
    .filter(([key]) => !detailOnly.has(key))
    .map(([key, value]) => ({ key, label: fieldLabel(key, locale, t), value: formatValue(key, value, entry, locale, t, exists) }));
}
