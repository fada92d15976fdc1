import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { mailOutbox, units, users } from '../db/schema.ts';
import type { Context, Role } from '../platform/context.ts';
import { defaultLocale, isLocale, mailT } from '../../shared/i18n.ts';

/** Sends one e-mail; SMTP in production, a fake in tests. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Queues an e-mail to every active user of a unit with one of the roles, in each user's
 * language. Written in the caller's transaction, so mail goes out only for what committed.
 */
export async function tellUnit(
  tx: DbOrTx,
  ctx: Context,
  options: { unitId: string; roles: Role[]; what: string; title: string; link: string; exceptUserId?: string },
) {
  const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, options.unitId));
  const people = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, roles: users.roles })
    .from(users)
    .where(and(eq(users.unitId, options.unitId), eq(users.active, true), isNotNull(users.email)));
  const now = ctx.clock.now();
  const rows = people
    .filter((p) => p.id !== options.exceptUserId && p.roles.some((r) => (options.roles as string[]).includes(r)))
    .map((p) => {
      const locale = isLocale(p.locale) ? p.locale : defaultLocale;
      const t = mailT(locale);
      const what = t(`what.${options.what}`);
      return {
        to: p.email!,
        subject: t('subject', { what, title: options.title }),
        body: t('body', { what, title: options.title, link: `${ctx.config.publicUrl}${options.link}`, unit: unit?.name[locale] ?? '' }),
        createdAt: now,
      };
    });
  if (rows.length) await tx.insert(mailOutbox).values(rows);
}

/** Sends what is waiting in the outbox; a failure is retried on the next run, up to five times. */
export async function dispatchMail(db: DbOrTx, mailer: Mailer, now: () => Date, batch = 50): Promise<{ sent: number; failed: number }> {
  const pending = await db
    .select()
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, 5)))
    .orderBy(asc(mailOutbox.id))
    .limit(batch);
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      await mailer.send({ to: mail.to, subject: mail.subject, text: mail.body });
      await db.update(mailOutbox).set({ sentAt: now(), attempts: mail.attempts + 1 }).where(eq(mailOutbox.id, mail.id));
      sent++;
    } catch (error) {
      await db
        .update(mailOutbox)
        .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: String((error as Error).message).slice(0, 500) })
        .where(inArray(mailOutbox.id, [mail.id]));
      failed++;
    }
  }
  return { sent, failed };
}
