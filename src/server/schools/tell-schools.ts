import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { mailOutbox, users } from '../db/schema.ts';
import type { Context } from '../platform/context.ts';
import { defaultLocale, isLocale, mailT } from '../../shared/i18n.ts';
import { schoolCoordinators } from './schema.ts';

/**
 * E-mails the coordinators of schools, each in their own language, in the caller's transaction
 * (coordinators belong to no liaison unit, so the outbox's tellUnit does not reach them).
 */
export async function tellCoordinators(tx: DbOrTx, ctx: Context, options: { schoolIds: string[]; what: string; title: string; link: string; exceptUserId?: string }) {
  if (!options.schoolIds.length) return;
  const people = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(schoolCoordinators)
    .innerJoin(users, eq(users.id, schoolCoordinators.userId))
    .where(inArray(schoolCoordinators.schoolId, options.schoolIds));
  const now = ctx.clock.now();
  const mails = people
    .filter((p) => p.email && p.id !== options.exceptUserId)
    .map((p) => {
      const t = mailT(isLocale(p.locale) ? p.locale : defaultLocale);
      const what = t(`what.${options.what}`);
      return { to: p.email!, subject: t('subject', { what, title: options.title }), body: t('schoolBody', { what, title: options.title, link: `${ctx.config.publicUrl}${options.link}` }), createdAt: now };
    });
  if (mails.length) await tx.insert(mailOutbox).values(mails);
}
