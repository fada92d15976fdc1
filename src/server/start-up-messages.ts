import pretty from 'pino-pretty';

/**
 * What `npm start` says on the terminal, apart from the request log: plain lines a person
 * reads (what is happening, where Liaison is ready), and the one-time administrator password
 * in a box so that it is not lost among the log lines.
 */

/** A box of lines, sized to the longest (CJK characters count double on a terminal). */
export function boxed(lines: string[]): string {
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);
  const inner = Math.max(...lines.map(width));
  const row = (s: string) => `│ ${s}${' '.repeat(inner - width(s))} │`;
  return [`┌${'─'.repeat(inner + 2)}┐`, ...lines.map(row), `└${'─'.repeat(inner + 2)}┘`].join('\n');
}

export function adminPasswordBox(password: string): string {
  return boxed([
    'First start: the platform administrator account has been created.',
    '',
    '  user name:  admin',
    `  password:   ${password}`,
    '',
    'It is shown only this once. Log in and change it, or set',
    'LIAISON_ADMIN_PASSWORD before the first start to choose it.',
  ]);
}

/** The address to open: "localhost" when listening on every interface. */
export function readyUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/**
 * The request log: readable lines on a terminal (pino-pretty), JSON lines otherwise (a file, a
 * log collector). Health checks are not logged either way (see the /healthz route). Both write
 * in this thread, in order with console.log, so the password's box comes where it is printed.
 */
export function loggerOptions(options: { level: string; tty: boolean }) {
  if (!options.tty) return { level: options.level, stream: process.stdout };
  return { level: options.level, stream: pretty({ translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true, sync: true }) };
}
