import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { hasRole } from '../platform/context.ts';
import { ipJurisdictions, ipPlaces, placeOfJurisdiction, type IpJurisdiction } from '../../shared/modules/ip.ts';
import { ipPolicy, type IpActor } from './policy.ts';
import { authorityRows, instrumentByCode, instrumentsOnSubject, ipActorOf, latestUpdates, listInstrumentRows, relationsOf, type InstrumentFilter } from './queries.ts';
import { presentAuthority, presentInstrumentSummary, presentUpdate } from './present.ts';

// The public database (M20, item 21): what is published, for anyone, signed in or not. Nothing
// here reads ip_revisions, so no draft can reach these answers.

export async function listInstruments(ctx: Context, options: { filter: InstrumentFilter }) {
  const { rows, total } = await listInstrumentRows(ctx.db, options.filter);
  return { total, instruments: rows.map(presentInstrumentSummary) };
}

export async function getInstrument(ctx: Context, options: { viewer: Viewer | null; code: string }) {
  const row = await instrumentByCode(ctx.db, options.code);
  if (!row) throw notFound('ip_instrument');
  const [relations, updates, actor] = await Promise.all([relationsOf(ctx.db, row.id), latestUpdates(ctx.db, { instrumentId: row.id, limit: 50, offset: 0 }), ipActorOf(ctx.db, options.viewer)]);
  return {
    ...presentInstrumentSummary(row),
    versions: row.versions,
    relations: relations.map((r) => {
      const other = presentInstrumentSummary(r.other);
      return { kind: r.kind, direction: r.direction, other: { code: other.code, jurisdiction: other.jurisdiction, title: other.title, number: other.number, status: other.status } };
    }),
    updates: updates.map((u) => presentUpdate(u.update, u.instrumentCode)),
    canPropose: actor !== null && ipPolicy.keepJurisdiction(actor, row.jurisdiction),
  };
}

/** The three places' instruments on one subject, side by side (what WIPO Lex cannot show). */
export async function compareOnSubject(ctx: Context, options: { subject: string; perPlace: number }) {
  const { rows, totals } = await instrumentsOnSubject(ctx.db, options.subject, options.perPlace);
  return {
    subject: options.subject,
    places: ipPlaces.map((place) => ({ place, total: totals.get(place) ?? 0, instruments: rows.filter((r) => placeOfJurisdiction[r.jurisdiction as IpJurisdiction] === place).map(presentInstrumentSummary) })),
  };
}

export async function listUpdates(ctx: Context, options: { jurisdiction?: string; limit: number; offset: number }) {
  const rows = await latestUpdates(ctx.db, options);
  return rows.map((r) => presentUpdate(r.update, r.instrumentCode));
}

export async function listAuthorities(ctx: Context, options: { viewer: Viewer | null; jurisdiction?: string; role?: string }) {
  const [rows, actor] = await Promise.all([authorityRows(ctx.db, options), ipActorOf(ctx.db, options.viewer)]);
  return rows.map((r) => presentAuthority(r, actor !== null && ipPolicy.updateAuthority(actor, r)));
}

/** What the viewer may do in the IP module; anyone may ask (the web app does, to show the right links). */
export async function describeIpActor(ctx: Context, options: { viewer: Viewer | null }) {
  const actor: IpActor | null = await ipActorOf(ctx.db, options.viewer);
  if (!actor) return { ipUnit: false, enforcement: false, party: null, keeps: [], approver: false };
  return {
    ipUnit: actor.ipUnit,
    enforcement: actor.enforcement,
    party: actor.party,
    keeps: ipJurisdictions.filter((j) => ipPolicy.keepJurisdiction(actor, j)),
    approver: hasRole(actor.viewer, 'approver'),
  };
}
