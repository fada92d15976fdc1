import i18next, { type TFunction } from 'i18next';
import enErrors from './locales/en/errors.json' with { type: 'json' };
import hantErrors from './locales/zh-Hant/errors.json' with { type: 'json' };
import hansErrors from './locales/zh-Hans/errors.json' with { type: 'json' };
import enReport from './locales/en/report.json' with { type: 'json' };
import hantReport from './locales/zh-Hant/report.json' with { type: 'json' };
import hansReport from './locales/zh-Hans/report.json' with { type: 'json' };
import enMail from './locales/en/mail.json' with { type: 'json' };
import hantMail from './locales/zh-Hant/mail.json' with { type: 'json' };
import hansMail from './locales/zh-Hans/mail.json' with { type: 'json' };

export const locales = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag to one of our three locales: zh-HK/TW/MO → Traditional, zh-CN/SG → Simplified. */
export function localeFromTag(tag: string): Locale | null {
  const t = tag.trim().toLowerCase();
  if (!t) return null;
  if (t.startsWith('en')) return 'en';
  if (!t.startsWith('zh')) return null;
  if (/hant|-hk|-tw|-mo/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/** The first of the Accept-Language header's languages (by q) that we speak. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return null;
}

const serverI18n = i18next.createInstance();
await serverI18n.init({
  resources: {
    en: { errors: enErrors, report: enReport, mail: enMail },
    'zh-Hant': { errors: hantErrors, report: hantReport, mail: hantMail },
    'zh-Hans': { errors: hansErrors, report: hansReport, mail: hansMail },
  },
  ns: ['errors', 'report', 'mail'],
  defaultNS: 'errors',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

// The sister-schools module's messages, merged into the errors and mail namespaces.
import enErrorsSchools from './locales/en/errors-schools.json' with { type: 'json' };
import hantErrorsSchools from './locales/zh-Hant/errors-schools.json' with { type: 'json' };
import hansErrorsSchools from './locales/zh-Hans/errors-schools.json' with { type: 'json' };
import enMailSchools from './locales/en/mail-schools.json' with { type: 'json' };
import hantMailSchools from './locales/zh-Hant/mail-schools.json' with { type: 'json' };
import hansMailSchools from './locales/zh-Hans/mail-schools.json' with { type: 'json' };
for (const [lng, errors, mail] of [['en', enErrorsSchools, enMailSchools], ['zh-Hant', hantErrorsSchools, hantMailSchools], ['zh-Hans', hansErrorsSchools, hansMailSchools]] as const) {
  serverI18n.addResourceBundle(lng, 'errors', errors, true, false);
  serverI18n.addResourceBundle(lng, 'mail', mail, true, false);
}

// The IP module's messages, merged likewise.
import enErrorsIp from './locales/en/errors-ip.json' with { type: 'json' };
import hantErrorsIp from './locales/zh-Hant/errors-ip.json' with { type: 'json' };
import hansErrorsIp from './locales/zh-Hans/errors-ip.json' with { type: 'json' };
import enMailIp from './locales/en/mail-ip.json' with { type: 'json' };
import hantMailIp from './locales/zh-Hant/mail-ip.json' with { type: 'json' };
import hansMailIp from './locales/zh-Hans/mail-ip.json' with { type: 'json' };
for (const [lng, errors, mail] of [['en', enErrorsIp, enMailIp], ['zh-Hant', hantErrorsIp, hantMailIp], ['zh-Hans', hansErrorsIp, hansMailIp]] as const) {
  serverI18n.addResourceBundle(lng, 'errors', errors, true, false);
  serverI18n.addResourceBundle(lng, 'mail', mail, true, false);
}
// The SAR co-operation plans module's messages, merged into the errors, mail and report namespaces.
import enErrorsSar from './locales/en/errors-sar-plans.json' with { type: 'json' };
import hantErrorsSar from './locales/zh-Hant/errors-sar-plans.json' with { type: 'json' };
import hansErrorsSar from './locales/zh-Hans/errors-sar-plans.json' with { type: 'json' };
import enMailSar from './locales/en/mail-sar-plans.json' with { type: 'json' };
import hantMailSar from './locales/zh-Hant/mail-sar-plans.json' with { type: 'json' };
import hansMailSar from './locales/zh-Hans/mail-sar-plans.json' with { type: 'json' };
import enReportSar from './locales/en/report-sar-plans.json' with { type: 'json' };
import hantReportSar from './locales/zh-Hant/report-sar-plans.json' with { type: 'json' };
import hansReportSar from './locales/zh-Hans/report-sar-plans.json' with { type: 'json' };
for (const [lng, errors, mail, report] of [['en', enErrorsSar, enMailSar, enReportSar], ['zh-Hant', hantErrorsSar, hantMailSar, hantReportSar], ['zh-Hans', hansErrorsSar, hansMailSar, hansReportSar]] as const) {
  serverI18n.addResourceBundle(lng, 'errors', errors, true, false);
  serverI18n.addResourceBundle(lng, 'mail', mail, true, false);
  serverI18n.addResourceBundle(lng, 'report', report, true, false);
}

/** The server's translator for a locale: error messages and field names. */
export function serverT(locale: Locale): TFunction<'errors'> {
  return serverI18n.getFixedT(locale, 'errors');
}

/** The translator for the texts of generated progress reports. */
export function reportT(locale: Locale): TFunction<'report'> {
  return serverI18n.getFixedT(locale, 'report');
}

/** The translator for e-mails to officers. */
export function mailT(locale: Locale): TFunction<'mail'> {
  return serverI18n.getFixedT(locale, 'mail');
}
