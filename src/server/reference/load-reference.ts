import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, notInArray, sql } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import type { Tx } from '../db/open.ts';
import {
  agreementParties,
  agreementUnits,
  agreements,
  clauses,
  parties,
  plenaries,
  plenaryPressReleases,
  unitDutyContacts,
  referenceLoads,
  units,
  type LocalizedText,
} from '../db/schema.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { indexDocument } from '../search/index-document.ts';
import { parseClauses } from '../agreements/clauses.ts';

export const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference');

type PartyFile = { code: string; kind: string; parent: string | null; name: LocalizedText }[];
type UnitFile = { code: string; party: string; parent: string | null; kind: string; name: LocalizedText; abbreviation: string | null }[];
/** Duty contacts of designated units; `sample` marks made-up ones. */
type DutyContactFile = { contacts: { unit: string; agreement: string; clause: string | null; post: LocalizedText; name: LocalizedText; phone: string; sample: boolean }[] };
type PlenaryFile = {
  code: string;
  number: number;
  name: LocalizedText;
  heldOn: string;
  place: LocalizedText | null;
  agreements: string[];
  /** What the source says of the plenary's press release (¶2 of the October 2015 paper for the 18th). */
  pressRelease?: { issuedOn: string; about: LocalizedText; source: { document: string; paragraph: number; quote: string } };
}[];
type AgreementFile = {
  code: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  parties: string[];
  signedOn: string;
  signedAt: LocalizedText | null;
  entryIntoForce: { rule: string; date: string | null; text: LocalizedText };
  validity: { from: string | null; until: string | null; text: LocalizedText } | null;
  copies: { count: number; text: LocalizedText };
  authoritativeScript: string;
  signatories: { unit: string | null; name: LocalizedText; representative: LocalizedText | null; signedOn: string | null }[];
  liaisonUnits: { unit: string; role: string; clause: string | null }[];
  plenary: string | null;
};

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(referenceDir, file), 'utf8')) as T;

function readReferenceFiles() {
  const agreementCodes = fs
    .readdirSync(path.join(referenceDir, 'agreements'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  const files = ['parties.json', 'units.json', 'plenaries.json', 'duty-contacts.json', ...agreementCodes.flatMap((c) => [`agreements/${c}.json`, `agreements/${c}.zh-Hant.txt`, `agreements/${c}.zh-Hans.txt`])];
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(referenceDir, f))).update('\0');
  return {
    hash: hash.digest('hex'),
    parties: readJson<PartyFile>('parties.json'),
    units: readJson<UnitFile>('units.json'),
    plenaries: readJson<PlenaryFile>('plenaries.json'),
    dutyContacts: readJson<DutyContactFile>('duty-contacts.json').contacts,
    agreements: agreementCodes.map((code) => ({
      meta: readJson<AgreementFile>(`agreements/${code}.json`),
      hant: fs.readFileSync(path.join(referenceDir, `agreements/${code}.zh-Hant.txt`), 'utf8'),
      hans: fs.readFileSync(path.join(referenceDir, `agreements/${code}.zh-Hans.txt`), 'utf8'),
    })),
  };
}

/**
 * Loads the parties, liaison units, plenaries and the five agreements from data/reference.
 * Idempotent: the files' hash is remembered, and a start with unchanged files changes
 * nothing. Changed files are applied as upserts in one audited transaction.
 */
export async function loadReferenceData(ctx: Context): Promise<{ changed: boolean }> {
  const data = readReferenceFiles();
  const [previous] = await ctx.db.select().from(referenceLoads).where(eq(referenceLoads.name, 'reference'));
  if (previous?.hash === data.hash) return { changed: false };

  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    for (const p of data.parties) {
      const row = { code: p.code, kind: p.kind, parentCode: p.parent, name: p.name };
      await tx.insert(parties).values(row).onConflictDoUpdate({ target: parties.code, set: row });
    }
    const unitIds = new Map<string, string>();
    for (const u of data.units) {
      const parentId = u.parent ? unitIds.get(u.parent) : null;
      if (parentId === undefined) throw new Error(`units.json: ${u.code} names parent ${u.parent} before it is defined`);
      const row = { code: u.code, partyCode: u.party, parentId, kind: u.kind, name: u.name, abbreviation: u.abbreviation, updatedAt: now };
      const [saved] = await tx
        .insert(units)
        .values({ ...row, createdAt: now })
        .onConflictDoUpdate({ target: units.code, set: row })
        .returning({ id: units.id });
      unitIds.set(u.code, saved.id);
    }
    // A press release the file no longer records goes, as duty contacts do.
    const released = data.plenaries.filter((p) => p.pressRelease).map((p) => p.code);
    await tx.delete(plenaryPressReleases).where(released.length ? notInArray(plenaryPressReleases.plenaryCode, released) : undefined);
    for (const p of data.plenaries) {
      const row = { code: p.code, number: p.number, name: p.name, heldOn: p.heldOn, place: p.place };
      await tx.insert(plenaries).values(row).onConflictDoUpdate({ target: plenaries.code, set: row });
      if (p.pressRelease) {
        const release = { plenaryCode: p.code, ...p.pressRelease };
        await tx.insert(plenaryPressReleases).values(release).onConflictDoUpdate({ target: plenaryPressReleases.plenaryCode, set: release });
      }
    }
    for (const a of data.agreements) await loadAgreement(tx, ctx, a, unitIds, data.parties);
    // Duty contacts: the file's (sample) contacts replace those loaded from it before, post by
    // post, and a post the file no longer has goes (only the file writes them: a stale duty phone
    // must not be left on a unit's page).
    const posts = data.dutyContacts.map((c) => `${unitIds.get(c.unit)}/${c.agreement}`);
    await tx.delete(unitDutyContacts).where(posts.length ? sql`(${unitDutyContacts.unitId}::text || '/' || coalesce(${unitDutyContacts.agreementCode}, '')) not in (${sql.join(posts.map((k) => sql`${k}`), sql`, `)})` : undefined);
    for (const c of data.dutyContacts) {
      const unitId = unitIds.get(c.unit);
      if (!unitId) throw new Error(`duty-contacts.json: unknown unit ${c.unit}`);
      const row = { unitId, agreementCode: c.agreement, clauseKey: c.clause, post: c.post, name: c.name, phone: c.phone, sample: c.sample };
      await tx.insert(unitDutyContacts).values(row).onConflictDoUpdate({ target: [unitDutyContacts.unitId, unitDutyContacts.agreementCode], set: row });
    }
    await tx.insert(referenceLoads).values({ name: 'reference', hash: data.hash, loadedAt: now }).onConflictDoUpdate({
      target: referenceLoads.name,
      set: { hash: data.hash, loadedAt: now },
    });
    await recordAudit(tx, ctx.clock, {
      actor: systemActor,
      action: previous ? 'reference.updated' : 'reference.loaded',
      entityType: 'reference_data',
      entityId: 'reference',
      data: {
        hash: data.hash,
        previousHash: previous?.hash ?? null,
        parties: data.parties.map((p) => p.code),
        units: data.units.map((u) => u.code),
        agreements: data.agreements.map((a) => a.meta.code),
      },
    });
  });
  return { changed: true };
}

async function loadAgreement(
  tx: Tx,
  ctx: Context,
  a: { meta: AgreementFile; hant: string; hans: string },
  unitIds: Map<string, string>,
  partyList: PartyFile,
) {
  const { meta } = a;
  const hant = parseClauses(a.hant);
  const hans = parseClauses(a.hans);
  if (hant.clauses.length !== hans.clauses.length) throw new Error(`${meta.code}: the two scripts split into different clauses`);
  const row = {
    code: meta.code,
    plenaryCode: meta.plenary,
    title: meta.title,
    shortTitle: meta.shortTitle,
    signedOn: meta.signedOn,
    signedAt: meta.signedAt,
    entryIntoForce: meta.entryIntoForce,
    validity: meta.validity,
    copies: meta.copies,
    authoritativeScript: meta.authoritativeScript,
    fullTextHant: a.hant,
    fullTextHans: a.hans,
    preamble: { 'zh-Hant': hant.preamble, 'zh-Hans': hans.preamble },
    closing: { 'zh-Hant': hant.closing, 'zh-Hans': hans.closing },
    signatories: meta.signatories.map((s) => ({ unitCode: s.unit, name: s.name, representative: s.representative, signedOn: s.signedOn })),
  };
  await tx.insert(agreements).values(row).onConflictDoUpdate({ target: agreements.code, set: row });

  await tx.delete(agreementParties).where(eq(agreementParties.agreementCode, meta.code));
  await tx.insert(agreementParties).values(meta.parties.map((partyCode) => ({ agreementCode: meta.code, partyCode })));

  await tx.delete(agreementUnits).where(eq(agreementUnits.agreementCode, meta.code));
  const designated = meta.liaisonUnits.map((l) => {
    const unitId = unitIds.get(l.unit);
    if (!unitId) throw new Error(`${meta.code}: unknown unit ${l.unit}`);
    return { agreementCode: meta.code, unitId, role: l.role, clauseKey: l.clause };
  });
  if (designated.length) await tx.insert(agreementUnits).values(designated);

  await tx.delete(clauses).where(eq(clauses.agreementCode, meta.code));
  await tx.insert(clauses).values(
    hant.clauses.map((c, i) => ({
      agreementCode: meta.code,
      key: c.key,
      position: i,
      level: c.level,
      parentKey: c.parentKey,
      label: c.label,
      headingHant: c.heading,
      headingHans: hans.clauses[i].heading,
      textHant: c.text,
      textHans: hans.clauses[i].text,
    })),
  );

  const now = ctx.clock.now();
  const partyCodes = [...new Set(meta.parties.flatMap((code) => [code, ...partyList.filter((p) => p.code === code && p.parent).map((p) => p.parent!)]))];
  await indexDocument(
    tx,
    { kind: 'agreement', refId: meta.code, title: meta.title, body: [hant.preamble, hant.closing].join('\n'), url: `/agreements/${meta.code}`, visibility: 'public', partyCodes, date: meta.signedOn },
    now,
  );
  for (const c of hant.clauses) {
    const heading = c.heading ? ` ${c.heading}` : '';
    await indexDocument(
      tx,
      {
        kind: 'clause',
        refId: `${meta.code}#${c.key}`,
        title: {
          'zh-Hant': `${meta.shortTitle['zh-Hant']} ${c.label}${heading}`,
          'zh-Hans': `${meta.shortTitle['zh-Hans']} ${hans.clauses.find((h) => h.key === c.key)?.label ?? c.label}${hans.clauses.find((h) => h.key === c.key)?.heading ?? ''}`,
          en: `${meta.shortTitle.en}, clause ${c.key}`,
        },
        body: c.text,
        url: `/agreements/${meta.code}#clause-${c.key}`,
        visibility: 'public',
        partyCodes,
        date: meta.signedOn,
      },
      now,
    );
  }
}
