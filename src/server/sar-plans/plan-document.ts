import { reportT, type Locale } from '../../shared/i18n.ts';
import { sarPorts } from '../../shared/modules/sar-plans.ts';
import { regionDay } from '../platform/clock.ts';
import type { PlanDetail } from './plan-view.ts';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const htmlLang: Record<Locale, string> = { en: 'en', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN' };
const portName = (code: string, locale: Locale) => sarPorts.find((p) => p.code === code)?.name[locale] ?? code;
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n');

/**
 * The plan as one HTML page in the layout of MSC.1/Circ.1079/Rev.1 — Module 1 the company,
 * Module 2 the ship, Module 3 the three agencies' rescue co-ordination centres, Module 4 the SAR
 * facilities — with its distribution list of controlled copies, recognitions and exercises. The
 * same page is shown on the web and printed to PDF (platform/pdf.ts), in Chinese or English.
 */
export function renderPlan(plan: PlanDetail, locale: Locale): string {
  const t = reportT(locale);
  const k = (key: string, options?: Record<string, unknown>) => t(`sarPlan.${key}`, options ?? {}) as string;
  const day = (iso: string | null) => (iso ? regionDay(new Date(iso)) : '—');
  const sample = (is: boolean) => (is ? ` <span class="sample">${escape(k('sample'))}</span>` : '');
  const row = (label: string, value: string | null | undefined) => `<tr><th>${escape(label)}</th><td>${value ? escape(value) : '—'}</td></tr>`;
  const { company, shipModule: ship } = plan;
  const name = (n: { 'zh-Hant': string; 'zh-Hans': string; en: string }) => (locale === 'en' ? `${n.en} (${n['zh-Hant']})` : `${n[locale]} (${n.en})`);

  const warnings = [
    plan.status === 'draft' ? k('draftWarning') : '',
    plan.status === 'withdrawn' ? k('withdrawnWarning', { reason: plan.withdrawReason ?? '' }) : '',
    !plan.valid && plan.status !== 'withdrawn' ? k('invalidWarning', { agencies: plan.outdatedAgencies.join(', ') }) : '',
  ].filter(Boolean);

  const module3 = plan.modules
    .map((m) => {
      const changes = m.changes.length ? `<p class="changed">⚑ ${escape(k('moduleChanged', { version: m.currentVersion }))}: ${m.changes.map((c) => escape(c.field)).join(', ')}</p>` : '';
      return `<section class="agency">
<h3>${escape(m.content.rccName[locale])}${sample(m.isSample)}</h3>
<p class="meta">${escape(m.agency.name[locale])} · ${escape(k('version', { version: m.version }))}</p>${changes}
<table>${row(k('telephone'), m.content.telephone)}${row(k('fax'), m.content.fax)}${row(k('email'), m.content.email)}${row(k('mmsi'), m.content.mmsi)}${row(k('vhf'), m.content.vhf)}${row(k('address'), m.content.address[locale])}</table>
<h4>${escape(k('procedures'))}</h4>
${paragraphs(m.content.procedures[locale])}
</section>`;
    })
    .join('\n');

  const facilities = plan.facilities.length
    ? `<table class="list"><thead><tr><th>${escape(k('place'))}</th><th>${escape(k('facilityKind'))}</th><th>${escape(k('facility'))}</th><th>${escape(k('contact'))}</th></tr></thead><tbody>${plan.facilities
        .map((f) => `<tr><td>${escape(k(`places.${f.place}`))}</td><td>${escape(k(`facilityKinds.${f.kind}`))}</td><td>${escape(name(f.name))}</td><td>${escape(f.contact ?? '—')}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p>${escape(k('none'))}</p>`;

  const current = plan.copies.filter((c) => c.revision === plan.revision);
  const copies = current.length
    ? `<table class="list"><thead><tr><th>${escape(k('copyNo'))}</th><th>${escape(k('holder'))}</th><th>${escape(k('acknowledged'))}</th></tr></thead><tbody>${current
        .map((c) => `<tr><td>${escape(c.label)}</td><td>${escape(c.holderUnit ? c.holderUnit.name[locale] : c.holderName)}</td><td>${c.acknowledgedAt ? `${escape(day(c.acknowledgedAt))} ${escape(c.acknowledgedBy ?? '')}` : '—'}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p>${escape(k('none'))}</p>`;

  const recognitions = plan.recognitions.filter((r) => r.revision === plan.revision);
  const recognised = recognitions.length ? `<ul>${recognitions.map((r) => `<li>${escape(k('recognisedBy', { agency: r.agency.name[locale], by: r.recognisedBy, on: day(r.recognisedAt) }))}</li>`).join('')}</ul>` : `<p>${escape(k('none'))}</p>`;
  const exercises = plan.exercises.length
    ? `<ul>${plan.exercises.map((e) => `<li>${escape(e.heldOn)} · ${escape(k(`exerciseKinds.${e.kind}`))} · ${escape(e.participants.join(', '))}<br>${escape(e.findings)}</li>`).join('')}</ul>`
    : `<p>${escape(k('none'))}</p>`;

  return `<!doctype html>
<html lang="${htmlLang[locale]}">
<head>
<meta charset="utf-8">
<title>${escape(k('title'))} ${escape(plan.reference)}</title>
<style>
  body { font-family: 'Noto Sans CJK TC', 'Noto Sans CJK SC', 'Noto Sans', sans-serif; font-size: 10.5pt; line-height: 1.5; color: #111; margin: 0 auto; max-width: 180mm; }
  h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 13pt; border-bottom: 1px solid #444; margin-top: 16pt; } h3 { font-size: 11.5pt; margin: 10pt 0 2pt; } h4 { font-size: 10.5pt; margin: 6pt 0 2pt; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; } th, td { border: 1px solid #bbb; padding: 2pt 5pt; text-align: left; vertical-align: top; } th { background: #f2f2f2; width: 32%; }
  table.list th { width: auto; } thead { display: table-header-group; } tr { break-inside: avoid; }
  .meta { color: #444; margin: 0; } .warning { border: 2px solid #b00; color: #b00; padding: 4pt 8pt; margin: 6pt 0; } .changed { color: #b00; }
  .sample { border: 1px solid #a60; color: #a60; font-size: 8.5pt; padding: 0 3pt; border-radius: 3pt; } section.agency { break-inside: avoid; }
</style>
</head>
<body>
<h1>${escape(k('title'))}</h1>
<p class="meta">${escape(k('arrangement'))}</p>
<p class="meta">${escape(plan.reference)} · ${escape(k('revision', { revision: plan.revision }))} · ${escape(k('issuedOn'))} ${escape(day(plan.issuedAt))} · ${escape(k('owner'))}: ${escape(plan.owner.name[locale])}</p>
${warnings.map((w) => `<p class="warning">${escape(w)}</p>`).join('\n')}
<h2>${escape(k('module1'))}</h2>
<h3>${escape(name(company.name))}${sample(company.isSample)}</h3>
<table>${row(k('registrationNo'), company.registrationNo)}${row(k('place'), k(`places.${company.place}`))}${row(k('address'), company.address)}${row(k('contact24h'), `${company.contact.name} · ${company.contact.phone}${company.contact.email ? ` · ${company.contact.email}` : ''}`)}</table>
<h2>${escape(k('module2'))}</h2>
<h3>${escape(name(ship.name))}${sample(ship.isSample)}</h3>
<table>${row(k('imoNumber'), ship.imoNumber)}${row(k('mmsi'), ship.mmsi)}${row(k('callSign'), ship.callSign)}${row(k('place'), k(`places.${ship.place}`))}${row(k('portOfRegistry'), ship.portOfRegistry)}${row(k('shipType'), k(`shipTypes.${ship.shipType}`))}${row(k('passengerCapacity'), String(ship.passengerCapacity))}${row(k('routes'), ship.routes.map((r) => `${portName(r.from, locale)} – ${portName(r.to, locale)}`).join('; '))}</table>
<h2>${escape(k('module3'))}</h2>
${module3}
<h2>${escape(k('module4'))}</h2>
${facilities}
${plan.notes ? `<h2>${escape(k('notes'))}</h2>\n${paragraphs(plan.notes)}` : ''}
<h2>${escape(k('distribution'))}</h2>
${copies}
<h2>${escape(k('recognition'))}</h2>
${recognised}
<h2>${escape(k('exercises'))}</h2>
${exercises}
</body>
</html>`;
}
