import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { statementBuiltOnce } from '../db/built-once.ts';
import type { DbOrTx } from '../db/open.ts';
import { mailOutbox, units, users } from '../db/schema.ts';
import type { Context, Role } from '../platform/context.ts';
import { defaultLocale, locales, mailT } from '../../shared/i18n.ts';

/** Sends one e-mail; SMTP in production, a fake in tests. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Stands for the told unit's name in the rendered messages until the database fills it in. */
const UNIT_NAME = '\u0001unit\u0001';

const placeholder = (name: string) => sql.placeholder(name);

/**
 * The e-mail to each active user of a unit with one of the roles, in each user's language: the
 * messages are rendered here in every language, and the database picks each user's and fills
 * in the unit's name in that language. Built once (it is on every send's path).
 */
const queueForUnit = statementBuiltOnce('liaison_tell_unit', () => {
  const locale = sql`(case when ${users.locale} in (${sql.join(locales.map((l) => sql.raw(`'${l}'`)), sql`, `)}) then ${users.locale} else ${sql.raw(`'${defaultLocale}'`)} end)`;
  const inLanguage = (part: 'subject' | 'body') => sql`(case ${locale} ${sql.join(locales.map((l) => sql`when ${sql.raw(`'${l}'`)} then ${placeholder(`${part}:${l}`)}::text`), sql` `)} end)`;
  return sql`
    insert into ${mailOutbox} ("to", "subject", "body", "created_at")
    select ${users.email}, ${inLanguage('subject')}, replace(${inLanguage('body')}, ${UNIT_NAME}, coalesce(${units.name} ->> ${locale}, ${units.name} ->> 'zh-Hant', ${units.code})), ${placeholder('now')}::timestamptz
    from ${users} join ${units} on ${units.id} = ${users.unitId}
    where ${users.unitId} = ${placeholder('unitId')}::uuid and ${users.active} and ${users.email} is not null
      and ${users.roles} && ${placeholder('roles')}::text[]
      and not (${users.id} = any(${placeholder('exceptUserIds')}::uuid[]))`;
});

/**
 * Queues an e-mail to every active user of a unit with one of the roles, in each user's
 * language. Written in the caller's transaction, so mail goes out only for what committed.
 */
export async function tellUnit(
  tx: DbOrTx,
  ctx: Context,
  options: { unitId: string; roles: Role[]; what: string; title: string; link: string; exceptUserIds?: string[] },
) {
  const values: Record<string, unknown> = { now: ctx.clock.now().toISOString(), unitId: options.unitId, roles: options.roles, exceptUserIds: options.exceptUserIds ?? [] };
  for (const locale of locales) {
    const t = mailT(locale);
    const what = t(`what.${options.what}`);
    values[`subject:${locale}`] = t('subject', { what, title: options.title });
    values[`body:${locale}`] = t('body', { what, title: options.title, link: `${ctx.config.publicUrl}${options.link}`, unit: UNIT_NAME });
  }
  await queueForUnit(tx, values);
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
