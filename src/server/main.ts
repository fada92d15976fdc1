import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { adminPasswordBox, loggerOptions, readyUrl } from './start-up-messages.ts';
import { DataDirLockedError } from './db/lock.ts';
import { systemClock } from './platform/clock.ts';
import { readConfig } from './platform/config.ts';
import { prepare } from './start.ts';
import { dispatchMail } from './mail/outbox.ts';
import { remindAnnualDocuments } from './schools/annual-cycle.ts';
import { remindAgencies } from './sar-plans/dashboard.ts';
import { smtpMailer } from './mail/smtp.ts';
import { sql } from 'drizzle-orm';
import { writeCheckpoint } from './audit/checkpoints.ts';
import { startDispatcher } from './exchange/dispatch.ts';
import { witnessCheckpoint } from './exchange/witness.ts';

async function main() {
  const startedAt = performance.now();
  const config = readConfig();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  console.log(`Liaison: opening ${where}…`);
  const { database, ctx, adminPassword, demoUsers } = await prepare(config, systemClock, { bootstrap: true });
  const app = await buildApp(ctx, { logger: loggerOptions({ level: config.logLevel, tty: process.stdout.isTTY === true }) });

  // E-mail goes out from the outbox, so a failing mail server never fails the change that caused it.
  const mailTimer = config.smtpUrl
    ? setInterval(() => {
        dispatchMail(ctx.db, smtpMailer(config.smtpUrl!, config.mailFrom), () => new Date()).catch((error) => app.log.error({ err: error }, 'mail dispatch failed'));
      }, 5_000)
    : null;

  // Sister schools: plans and reports due within 14 days or overdue are reminded, each at most weekly.
  const schoolReminderTimer = setInterval(() => void remindAnnualDocuments(ctx).catch((error) => app.log.error({ err: error }, 'school reminders failed')), 60 * 60_000);
  // SAR co-operation plans: each agency is reminded of what its dashboard shows, at most weekly.
  const sarReminderTimer = setInterval(() => void remindAgencies(ctx).catch((error) => app.log.error({ err: error }, 'SAR plan reminders failed')), 60 * 60_000);

  // PGlite has no autovacuum: keep the planner's statistics fresh ourselves.
  const analyzeTimer =
    database.engine === 'pglite'
      ? setInterval(() => {
          ctx.db.execute(sql`analyze`).catch((error) => app.log.error({ err: error }, 'analyze failed'));
        }, 10 * 60_000)
      : null;
  if (database.engine === 'pglite') await ctx.db.execute(sql`analyze`);

  // The chain's head is checkpointed outside the database every minute (and at stop): a deleted
  // tail, an emptied trail or a recomputed chain shows against it (liaison audit verify).
  // Each new checkpoint also goes to the peer nodes, who keep it as witnesses.
  const checkpoint = () =>
    writeCheckpoint(ctx.db, systemClock, ctx.audit!)
      .then((written) => (written ? witnessCheckpoint(ctx, written) : undefined))
      .catch((error) => app.log.error({ err: error }, 'audit checkpoint failed'));
  const checkpointTimer = setInterval(checkpoint, 60_000);

  // Messages to other nodes (and to this one) leave the outbox through the dispatcher.
  const stopDispatcher = config.exchangePaused ? async () => {} : startDispatcher(ctx, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    if (mailTimer) clearInterval(mailTimer);
    if (analyzeTimer) clearInterval(analyzeTimer);
    clearInterval(checkpointTimer);
    clearInterval(schoolReminderTimer);
    clearInterval(sarReminderTimer);
    await stopDispatcher();
    await app.close();
    await checkpoint();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = readyUrl(config.host, (app.server.address() as AddressInfo).port);
  app.log.info({ engine: database.engine, startupMs: Math.round(performance.now() - startedAt), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) }, `ready at ${url}`);
  // After start-up, as the last thing printed before requests come: the password is not lost among log lines.
  if (adminPassword) console.log(`\n${adminPasswordBox(adminPassword)}\n`);
  if (demoUsers) console.log(`Demo mode: created ${demoUsers} demo accounts (see README).`);
  console.log(`Liaison is ready at ${url} (on ${where}; Ctrl+C stops it).`);
}

main().catch((error) => {
  if (error instanceof DataDirLockedError) {
    console.error(`\nLiaison cannot start: ${error.message}\n`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
