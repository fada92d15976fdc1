import type { DbOrTx } from '../db/open.ts';
import type { Context } from '../platform/context.ts';
import { indexDocument } from '../search/index-document.ts';
import { keeperOfJurisdiction, type IpJurisdiction } from '../../shared/modules/ip.ts';
import { bothScripts } from './present.ts';
import type { AuthorityRow, InstrumentRow } from './queries.ts';

/**
 * The database's published entries in the one search box, for everyone (item 21: 便利三地公眾和企業查詢).
 * Titles are indexed as written; the index normalises to Simplified, so a query in either script
 * finds them. Drafts are never indexed: only what publication writes to ip_instruments.
 */
export async function indexInstrument(tx: DbOrTx, ctx: Context, row: InstrumentRow) {
  await indexDocument(
    tx,
    {
      kind: 'ip_instrument',
      refId: row.id,
      title: { ...bothScripts(row.titleZh, row.jurisdiction), en: row.titleEn },
      body: [row.titleZh, row.titleEn, row.titlePt ?? '', row.number ?? '', row.summaryZh ?? '', row.summaryEn ?? '', ...row.versions.map((v) => `${v.label.zh} ${v.label.en} ${v.amendingAct ?? ''}`)].join('\n'),
      url: `/ip/instruments/${row.code}`,
      visibility: 'public',
      partyCodes: [keeperOfJurisdiction[row.jurisdiction as IpJurisdiction]],
      date: row.inForceOn ?? row.enactedOn,
    },
    ctx.clock.now(),
  );
}

export async function indexAuthority(tx: DbOrTx, ctx: Context, row: AuthorityRow) {
  await indexDocument(
    tx,
    {
      kind: 'ip_authority',
      refId: row.id,
      title: { ...bothScripts(row.nameZh, row.jurisdiction), en: row.nameEn },
      body: [row.nameZh, row.nameEn, row.namePt ?? '', row.address ?? '', row.website].join('\n'),
      url: `/ip/authorities#${row.code}`,
      visibility: 'public',
      partyCodes: [keeperOfJurisdiction[row.jurisdiction as IpJurisdiction]],
    },
    ctx.clock.now(),
  );
}
