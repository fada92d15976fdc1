import { buildApp } from './app.ts';
import { DataDirLockedError } from './db/lock.ts';
import { systemClock } from './platform/clock.ts';
import { readConfig } from './platform/config.ts';
import { prepare } from './start.ts';
import { dispatchMail } from './mail/outbox.ts';
import { remindAnnualDocuments } from './schools/annual-cycle.ts';
import { smtpMailer } from './mail/smtp.ts';
import { sql } from 'drizzle-orm';

async function main() {
  const startedAt = performance.now();
  const config = readConfig();
  const { database, ctx, adminPassword, demoUsers } = await prepare(config, systemClock, { bootstrap: true });
  const app = await buildApp(ctx, { logger: { level: config.logLevel } });
  if (adminPassword) {
    console.log(`\n  First start: the platform administrator is "admin" with password ${adminPassword}\n  (shown once; set LIAISON_ADMIN_PASSWORD to choose it).\n`);
  }
  if (demoUsers) console.log(`  Demo mode: created ${demoUsers} demo accounts (see README).`);

  // E-mail goes out from the outbox, so a failing mail server never fails the change that caused it.
  const mailTimer = config.smtpUrl
    ? setInterval(() => {
        dispatchMail(ctx.db, smtpMailer(config.smtpUrl!, config.mailFrom), () => new Date()).catch((error) => app.log.error({ err: error }, 'mail dispatch failed'));
      }, 5_000)
    : null;

  // Sister schools: plans and reports due within 14 days or overdue are reminded, each at most weekly.
  const schoolReminderTimer = setInterval(() => void remindAnnualDocuments(ctx).catch((error) => app.log.error({ err: error }, 'school reminders failed')), 60 * 60_000);

  // PGlite has no autovacuum: keep the planner's statistics fresh ourselves.
  const analyzeTimer =
    database.engine === 'pglite'
      ? setInterval(() => {
          ctx.db.execute(sql`analyze`).catch((error) => app.log.error({ err: error }, 'analyze failed'));
        }, 10 * 60_000)
      : null;
  if (database.engine === 'pglite') await ctx.db.execute(sql`analyze`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    if (mailTimer) clearInterval(mailTimer);
    if (analyzeTimer) clearInterval(analyzeTimer);
    clearInterval(schoolReminderTimer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  app.log.info(
    { engine: database.engine, startupMs: Math.round(performance.now() - startedAt), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) },
    `Liaison is ready at http://localhost:${config.port} on the ${where}`,
  );
}

main().catch((error) => {
  if (error instanceof DataDirLockedError) {
    console.error(`\nLiaison cannot start: ${error.message}\n`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
