import path from 'node:path';

/** Everything the server reads from its environment, read once at start. */
export type Config = {
  port: number;
  host: string;
  /** Where the embedded database and its lock file live (ignored with DATABASE_URL). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of the embedded database. */
  databaseUrl: string | null;
  adminPassword: string | null;
  demo: boolean;
  demoPassword: string | null;
  /** Sessions end after this much inactivity … */
  sessionIdleMinutes: number;
  /** … and in any case this long after log-in. */
  sessionAbsoluteHours: number;
  /** Set when a reverse proxy terminates TLS, so that cookies are marked Secure. */
  trustProxy: boolean;
  logLevel: string;
  /** Hours within which a notification of each classification must be acknowledged; null: no deadline. */
  ackHours: Record<'alert' | 'follow_up' | 'attention' | 'news', number | null>;
  /** Hours within which a request for information must be answered. */
  rfiHours: number;
  /** smtp://user:pass@host:port — when set, officers are e-mailed what needs them. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Where officers reach the web app, for links in e-mails. */
  publicUrl: string;
  /** The key that authenticates audit entries and checkpoints: kept outside the database (made on first start if missing). */
  auditKeyFile: string;
  /** Where checkpoints of the audit chain's head are appended: outside the database owner's reach. */
  auditCheckpointFile: string;
  /** This node's identity and signing keys for the exchange between nodes (made on first start if missing). */
  nodeKeyFile: string;
  /** This node's name, as peers show it (e.g. "Hong Kong node"). */
  nodeName: string;
  /** The parties whose units this node hosts; empty: every party (one node for all, the default). */
  nodeParties: string[];
  /** Where peers reach this node's API (its base URL). */
  nodeUrl: string;
  /** A message not delivered after this many minutes is shown to its sender and the operator as overdue. */
  exchangeOverdueMinutes: number;
  /** Set to leave outgoing messages in the outbox (the dispatcher does not run): for tests and maintenance. */
  exchangePaused: boolean;
};

/** "alert=24,follow_up=48,attention=,news=" → hours per classification (defaults after RASFF). */
function parseAckHours(text: string | undefined): Config['ackHours'] {
  const hours: Config['ackHours'] = { alert: 24, follow_up: 48, attention: null, news: null };
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!(key in hours)) throw new Error(`LIAISON_ACK_HOURS: unknown classification ${key}`);
    hours[key as keyof typeof hours] = value ? Number(value) : null;
  }
  return hours;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const demo = env.LIAISON_DEMO === '1' || env.LIAISON_DEMO === 'true';
  const demoPassword = env.LIAISON_DEMO_PASSWORD || null;
  if (demo && !demoPassword) {
    throw new Error('LIAISON_DEMO=1 needs LIAISON_DEMO_PASSWORD: the password given to every demo account.');
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.LIAISON_DATA_DIR ?? 'var'),
    databaseUrl: env.DATABASE_URL || null,
    adminPassword: env.LIAISON_ADMIN_PASSWORD || null,
    demo,
    demoPassword,
    sessionIdleMinutes: Number(env.LIAISON_SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.LIAISON_SESSION_ABSOLUTE_HOURS ?? 12),
    trustProxy: env.LIAISON_TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    ackHours: parseAckHours(env.LIAISON_ACK_HOURS),
    rfiHours: Number(env.LIAISON_RFI_HOURS ?? 48),
    smtpUrl: env.LIAISON_SMTP_URL || null,
    mailFrom: env.LIAISON_MAIL_FROM ?? 'Liaison <liaison@localhost>',
    publicUrl: env.LIAISON_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    auditKeyFile: path.resolve(env.LIAISON_AUDIT_KEY_FILE ?? path.join(env.LIAISON_DATA_DIR ?? 'var', 'audit-key')),
    auditCheckpointFile: path.resolve(env.LIAISON_AUDIT_CHECKPOINT_FILE ?? path.join(env.LIAISON_DATA_DIR ?? 'var', 'audit-checkpoints.jsonl')),
    nodeKeyFile: path.resolve(env.LIAISON_NODE_KEY_FILE ?? path.join(env.LIAISON_DATA_DIR ?? 'var', 'node-keys.json')),
    nodeName: env.LIAISON_NODE_NAME ?? 'Liaison',
    nodeParties: (env.LIAISON_NODE_PARTIES ?? '')
      .split(',')
      .map((p) => p.trim().toUpperCase())
      .filter(Boolean),
    nodeUrl: (env.LIAISON_NODE_URL ?? env.LIAISON_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    exchangeOverdueMinutes: Number(env.LIAISON_EXCHANGE_OVERDUE_MINUTES ?? 60),
    exchangePaused: env.LIAISON_EXCHANGE_PAUSED === '1',
  };
}
