/**
 * Consistency of the reference data shipped with Liaison: the parties, liaison units,
 * plenaries and the five agreements of the 18th Plenary (9 September 2015), whose texts must
 * stay exactly as signed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parseClauses } from '../../src/server/agreements/clauses.ts';

type LocalizedText = { 'zh-Hant': string; 'zh-Hans': string; en: string };
type Party = { code: string; kind: string; parent: string | null; name: LocalizedText };
type Unit = { code: string; party: string; parent: string | null; kind: string; name: LocalizedText; abbreviation: string | null };
type Plenary = { code: string; number: number; name: LocalizedText; heldOn: string; place: LocalizedText; agreements: string[] };
type Agreement = {
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
  plenary: string;
  textSha256: string;
};

const referenceDir = new URL('./', import.meta.url);
const repoRoot = new URL('../../', import.meta.url);
const seedFile = new URL('../shared/seed/000_2f4eb809100c3358.txt', repoRoot);

const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, referenceDir), 'utf8')) as T;
const readText = (path: string): string => readFileSync(new URL(path, referenceDir), 'utf8');

const CODES = ['food-safety', 'sister-schools', 'ip-protection', 'sar-plans', 'cross-border-ecommerce'];
const parties = readJson<Party[]>('parties.json');
const units = readJson<Unit[]>('units.json');
const plenaries = readJson<Plenary[]>('plenaries.json');
const agreements = CODES.map((code) => readJson<Agreement>(`agreements/${code}.json`));

const partyCodes = new Set(parties.map((p) => p.code));
const unitCodes = new Set(units.map((u) => u.code));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function expectLocalized(text: LocalizedText | null | undefined): void {
  expect(text).toBeTruthy();
  for (const lang of ['zh-Hant', 'zh-Hans', 'en'] as const) expect(text![lang]?.trim()).toBeTruthy();
}

describe('parties', () => {
  it('are Guangdong, Hong Kong, Macao and Guangzhou under Guangdong', () => {
    expect([...partyCodes].sort()).toEqual(['GD', 'GZ', 'HK', 'MO']);
    expect(parties.find((p) => p.code === 'GZ')?.parent).toBe('GD');
    for (const party of parties) {
      expect(party.parent === null || partyCodes.has(party.parent)).toBe(true);
      expectLocalized(party.name);
    }
  });
});

describe('liaison units', () => {
  it('have unique lower-case codes', () => {
    expect(unitCodes.size).toBe(units.length);
    for (const unit of units) expect(unit.code).toMatch(/^[a-z0-9-]+$/);
  });

  it('belong to an existing party, and to a parent unit of the same party listed before them', () => {
    units.forEach((unit, index) => {
      expect(partyCodes.has(unit.party), unit.code).toBe(true);
      if (unit.parent === null) return;
      const parentIndex = units.findIndex((u) => u.code === unit.parent);
      expect(parentIndex, unit.code).toBeGreaterThanOrEqual(0);
      expect(parentIndex, `${unit.code} after its parent`).toBeLessThan(index);
      expect(units[parentIndex].party).toBe(unit.party);
    });
  });

  it('have a known kind and names in three languages', () => {
    for (const unit of units) {
      expect(['liaison_unit', 'division', 'task_force', 'secretariat', 'customs']).toContain(unit.kind);
      expectLocalized(unit.name);
    }
  });

  it('include the units the agreements designate', () => {
    for (const code of ['gd-fsco', 'hk-fhb', 'gd-edu', 'hk-edb', 'hk-customs', 'gd-customs', 'gd-police', 'gd-copyright', 'gd-saic', 'hk-ipd', 'gd-ipo', 'gd-msar', 'hk-mrcc', 'mo-dsamma', 'gz-commerce', 'gz-ecommerce', 'hk-cedb', 'hk-ogcio', 'hk-cmab']) {
      expect(unitCodes.has(code), code).toBe(true);
    }
    expect(units.find((u) => u.code === 'gz-ecommerce')).toMatchObject({ party: 'GZ', parent: 'gz-commerce', kind: 'division' });
    expect(units.find((u) => u.code === 'hk-ogcio')).toMatchObject({ party: 'HK', parent: 'hk-cedb', kind: 'division' });
  });
});

describe('plenaries', () => {
  it('list the five agreements signed at the 18th Plenary', () => {
    const plenary = plenaries.find((p) => p.code === 'jc-18');
    expect(plenary).toMatchObject({ number: 18, heldOn: '2015-09-09' });
    expect([...plenary!.agreements].sort()).toEqual([...CODES].sort());
    expectLocalized(plenary!.name);
    expectLocalized(plenary!.place);
  });
});

describe.each(agreements.map((a) => [a.code, a] as const))('agreement %s', (code, agreement) => {
  const hant = readText(`agreements/${code}.zh-Hant.txt`);
  const hans = readText(`agreements/${code}.zh-Hans.txt`);

  it('refers only to existing parties, units and plenary', () => {
    expect(agreement.code).toBe(code);
    for (const party of agreement.parties) expect(partyCodes.has(party), party).toBe(true);
    for (const s of agreement.signatories) if (s.unit !== null) expect(unitCodes.has(s.unit), s.unit).toBe(true);
    for (const l of agreement.liaisonUnits) expect(unitCodes.has(l.unit), l.unit).toBe(true);
    expect(plenaries.find((p) => p.code === agreement.plenary)?.agreements).toContain(code);
  });

  it('designates each unit once, from one of its parties, citing a clause that exists', () => {
    const listed = agreement.liaisonUnits.map((l) => l.unit);
    expect(new Set(listed).size).toBe(listed.length);
    const keys = new Set(parseClauses(hant).clauses.map((c) => c.key));
    for (const l of agreement.liaisonUnits) {
      expect(['liaison', 'member', 'signatory']).toContain(l.role);
      const unit = units.find((u) => u.code === l.unit)!;
      const party = parties.find((p) => p.code === unit.party)!;
      expect(agreement.parties.includes(unit.party) || agreement.parties.includes(party.parent ?? ''), l.unit).toBe(true);
      if (l.clause !== null) expect(keys.has(l.clause), `${l.unit} cites ${l.clause}`).toBe(true);
    }
  });

  it('records dates, copies and signatories in the expected shape', () => {
    expect(agreement.signedOn).toMatch(DATE);
    expect(agreement.authoritativeScript).toBe('zh-Hant');
    expect(agreement.copies.count).toBeGreaterThan(0);
    expect(hant).toContain(`一式${'〇一二三四五六七八九'[agreement.copies.count]}份`);
    expectLocalized(agreement.title);
    expectLocalized(agreement.shortTitle);
    expectLocalized(agreement.entryIntoForce.text);
    expectLocalized(agreement.copies.text);
    if (agreement.signedAt) expectLocalized(agreement.signedAt);
    if (agreement.entryIntoForce.date !== null) expect(agreement.entryIntoForce.date).toMatch(DATE);
    if (agreement.validity) {
      expectLocalized(agreement.validity.text);
      if (agreement.validity.from && agreement.validity.until) expect(agreement.validity.from < agreement.validity.until).toBe(true);
    }
    expect(agreement.signatories.length).toBeGreaterThanOrEqual(2);
    for (const s of agreement.signatories) {
      expectLocalized(s.name);
      if (s.representative) expectLocalized(s.representative);
      if (s.signedOn !== null) expect(s.signedOn).toMatch(DATE);
    }
  });

  it('keeps the Traditional text exactly as in the seed', () => {
    expect(createHash('sha256').update(hant, 'utf8').digest('hex')).toBe(agreement.textSha256);
    if (existsSync(seedFile)) expect(readFileSync(seedFile, 'utf8').includes(hant)).toBe(true);
  });

  it('keeps the Simplified text as the OpenCC conversion of the Traditional one', () => {
    const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
    expect(hans).toBe(toSimplified(hant));
  });
});
