import { and, arrayOverlaps, asc, eq, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { mailOutbox, units, users } from '../db/schema.ts';
import type { Context, Role } from '../platform/context.ts';
import { defaultLocale, locales, mailT, type Locale } from '../../shared/i18n.ts';

/** Sends one e-mail; SMTP in production, a fake in tests. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Stands for the told unit's name in the rendered messages until the database fills it in. */
const UNIT_NAME = '\u0001unit\u0001';

/**
 * Queues an e-mail to every active user of a unit with one of the roles, in each user's
 * language. Written in the caller's transaction, so mail goes out only for what committed.
 * One statement: the message is rendered in each language here, and the database picks each
 * user's and fills in the unit's name in that language.
 */
export async function tellUnit(
  tx: DbOrTx,
  ctx: Context,
  options: { unitId: string; roles: Role[]; what: string; title: string; link: string; exceptUserId?: string },
) {
  const rendered = Object.fromEntries(
    locales.map((locale) => {
      const t = mailT(locale);
      const what = t(`what.${options.what}`);
      return [locale, { subject: t('subject', { what, title: options.title }), body: t('body', { what, title: options.title, link: `${ctx.config.publicUrl}${options.link}`, unit: UNIT_NAME }) }];
    }),
  ) as Record<Locale, { subject: string; body: string }>;
  const locale = sql`(case when ${users.locale} in (${sql.join(locales.map((l) => sql`${l}`), sql`, `)}) then ${users.locale} else ${defaultLocale} end)`;
  const inLanguage = (part: 'subject' | 'body') => sql`(case ${locale} ${sql.join(locales.map((l) => sql`when ${l} then ${rendered[l][part]}`), sql` `)} end)`;
  await tx.execute(sql`
    insert into ${mailOutbox} ("to", "subject", "body", "created_at")
    select ${users.email}, ${inLanguage('subject')}, replace(${inLanguage('body')}, ${UNIT_NAME}, coalesce(${units.name} ->> ${locale}, ${units.name} ->> 'zh-Hant', ${units.code})), ${ctx.clock.now().toISOString()}::timestamptz
    from ${users} join ${units} on ${units.id} = ${users.unitId}
    where ${and(eq(users.unitId, options.unitId), eq(users.active, true), isNotNull(users.email), arrayOverlaps(users.roles, options.roles), options.exceptUserId ? ne(users.id, options.exceptUserId) : undefined)}`);
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
