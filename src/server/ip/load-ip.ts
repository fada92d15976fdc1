import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { referenceLoads, units } from '../db/schema.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { referenceDir } from '../reference/load-reference.ts';
import { insertCommitment, type CommitmentFile } from '../progress/load-progress.ts';
import { ipAuthorities, ipInstruments, ipUpdates, type InstrumentContent } from './schema.ts';
import { publishContent } from './revisions.ts';
import { indexAuthority } from './search-index.ts';

export const ipDataDir = path.resolve(referenceDir, '../ip');

type AuthorityFile = { code: string; jurisdiction: string; roles: string[]; subjects: string[]; nameZh: string; nameEn: string; namePt: string | null; address: string | null; phone: string | null; email: string | null; website: string; sourceUrl: string }[];
type UpdateFile = { code: string; instrument: string | null; on: string; titleZh: string; titleEn: string; summaryZh: string | null; summaryEn: string | null; sourceUrl: string }[];

const files = ['instruments.json', 'authorities.json', 'updates.json', 'work-programme.json'];
const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(ipDataDir, name), 'utf8')) as T;

/**
 * Loads the IP database's reference entries (data/ip: the main patent, trademark, copyright,
 * border and criminal laws of the three places, each citing its official source; the
 * authorities and their contacts; dated updates) and the work programme's 21 items as
 * commitments. Only what is missing is inserted: from then on the IP units keep the entries,
 * through reviewed revisions. Idempotent by the files' hash.
 */
export async function loadIpData(ctx: Context): Promise<{ changed: boolean }> {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(ipDataDir, f))).update('\0');
  const digest = hash.digest('hex');
  const [previous] = await ctx.db.select().from(referenceLoads).where(eq(referenceLoads.name, 'ip'));
  if (previous?.hash === digest) return { changed: false };

  const instruments = read<InstrumentContent[]>('instruments.json');
  const authorities = read<AuthorityFile>('authorities.json');
  const updates = read<UpdateFile>('updates.json');
  const programme = read<CommitmentFile[]>('work-programme.json');

  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const existing = new Set((await tx.select({ code: ipInstruments.code }).from(ipInstruments)).map((r) => r.code));
    const added: string[] = [];
    // Those without relations first, so that every relation finds its target.
    for (const content of [...instruments].sort((a, b) => a.relations.length - b.relations.length)) {
      if (existing.has(content.code)) continue;
      await publishContent(tx, ctx, content, { by: 'system', at: now });
      added.push(content.code);
    }
    for (const [position, a] of authorities.entries()) {
      const [row] = await tx
        .insert(ipAuthorities)
        .values({ ...a, position, updatedBy: 'system', updatedAt: now })
        .onConflictDoNothing()
        .returning();
      if (row) await indexAuthority(tx, ctx, row);
    }
    const ids = new Map((await tx.select({ id: ipInstruments.id, code: ipInstruments.code, jurisdiction: ipInstruments.jurisdiction }).from(ipInstruments)).map((r) => [r.code, r]));
    for (const u of updates) {
      const instrument = u.instrument ? ids.get(u.instrument) : undefined;
      if (u.instrument && !instrument) throw new Error(`data/ip/updates.json: ${u.code} names unknown instrument ${u.instrument}`);
      await tx
        .insert(ipUpdates)
        .values({ code: u.code, instrumentId: instrument?.id ?? null, jurisdiction: instrument?.jurisdiction ?? 'CN', on: u.on, titleZh: u.titleZh, titleEn: u.titleEn, summaryZh: u.summaryZh, summaryEn: u.summaryEn, sourceUrl: u.sourceUrl, publishedAt: now })
        .onConflictDoNothing();
    }
    const unitIds = new Map((await tx.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.code, u.id]));
    const items: string[] = [];
    for (const c of programme) if (await insertCommitment(tx, c, unitIds, now)) items.push(c.code);
    await tx.insert(referenceLoads).values({ name: 'ip', hash: digest, loadedAt: now }).onConflictDoUpdate({ target: referenceLoads.name, set: { hash: digest, loadedAt: now } });
    await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'ip.loaded', entityType: 'ip_instrument', entityId: 'reference', data: { hash: digest, instrumentsAdded: added, programmeItemsAdded: items } });
  });
  return { changed: true };
}
