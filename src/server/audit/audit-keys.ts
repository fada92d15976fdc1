import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The key that authenticates audit entries and checkpoints. It is kept outside the database
 * (a file the operator names), so whoever owns the database can neither forge an entry nor
 * recompute the chain after changing one without the change showing.
 */
export type AuditKeys = {
  /** HMAC-SHA256 of the message, hex. */
  mac(message: string): string;
  verify(message: string, mac: string | null | undefined): boolean;
};

export function hmacAuditKeys(secret: Buffer): AuditKeys {
  const mac = (message: string) => createHmac('sha256', secret).update(message).digest('hex');
  return {
    mac,
    verify(message, given) {
      if (!given || !/^[0-9a-f]{64}$/.test(given)) return false;
      return timingSafeEqual(Buffer.from(mac(message), 'hex'), Buffer.from(given, 'hex'));
    },
  };
}

/** A key made for one process (tests, an in-memory database): nothing it authenticated outlives it. */
export const ephemeralAuditKeys = (): AuditKeys => hmacAuditKeys(randomBytes(32));

export class AuditKeyMissingError extends Error {}

/**
 * The key in `file` (64 hex characters). With `create`, a missing file is made with a new
 * random key, readable by its owner only: that is what a first start does. Verification never
 * creates one: a missing key is reported instead.
 */
export function auditKeysFromFile(file: string, options: { create: boolean }): AuditKeys {
  if (!fs.existsSync(file)) {
    if (!options.create) throw new AuditKeyMissingError(`the audit key file ${file} does not exist (LIAISON_AUDIT_KEY_FILE)`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new AuditKeyMissingError(`the audit key file ${file} does not hold a key (64 hexadecimal characters)`);
  return hmacAuditKeys(Buffer.from(text, 'hex'));
}
