import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { NodePublicKey } from './schema.ts';

/** A signing key of this node: Ed25519, named by its JWK thumbprint (RFC 7638). */
export type SigningKey = { kid: string; privateKey: KeyObject; publicJwk: Record<string, string> };

/**
 * This node's identity and signing keys. Behind an interface so that a key held elsewhere (an
 * HSM, a secrets manager) can take the file's place; tests use `ephemeralNodeKeys`.
 */
export type NodeKeys = {
  nodeId: string;
  /** The key new messages, receipts and anchors are signed with. */
  current(): SigningKey;
  /** Every key this node ever signed with, the retired ones too (they verify old messages). */
  publicKeys(): NodePublicKey[];
  /** Every key this node holds, retired ones too: an anchor is signed by all, so a peer that knows only an old one still trusts it. */
  signingKeys(): SigningKey[];
  /** Makes a new current key; the old one is retired but kept. */
  rotate(now: Date): Promise<SigningKey>;
};

type StoredKey = { kid: string; createdAt: string; retiredAt: string | null; privateJwk: JWK; publicJwk: Record<string, string> };
type KeyFile = { format: 'liaison-node-keys/1'; nodeId: string; keys: StoredKey[] };

async function newKey(now: Date): Promise<StoredKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return { kid: await calculateJwkThumbprint(publicJwk as JWK), createdAt: now.toISOString(), retiredAt: null, privateJwk: privateKey.export({ format: 'jwk' }) as JWK, publicJwk };
}

function keysOf(file: KeyFile, save: (file: KeyFile) => void): NodeKeys {
  const signing = (stored: StoredKey): SigningKey => ({ kid: stored.kid, privateKey: createPrivateKey({ key: stored.privateJwk as never, format: 'jwk' }), publicJwk: stored.publicJwk });
  let current = signing(file.keys.find((k) => !k.retiredAt) ?? file.keys.at(-1)!);
  return {
    nodeId: file.nodeId,
    current: () => current,
    signingKeys: () => file.keys.map(signing),
    publicKeys: () => file.keys.map(({ kid, publicJwk, createdAt, retiredAt }) => ({ kid, jwk: publicJwk, createdAt, retiredAt })),
    async rotate(now) {
      const fresh = await newKey(now);
      for (const key of file.keys) key.retiredAt ??= now.toISOString();
      file.keys.push(fresh);
      save(file);
      current = signing(fresh);
      return current;
    },
  };
}

export class NodeKeyFileError extends Error {}

/**
 * The keys in `file` (JSON, readable by its owner only). With `create`, a missing file is made
 * with a new node id and key: what a first start does. The CLI's offline commands never make one.
 */
export async function nodeKeysFromFile(file: string, options: { create: boolean; now: Date }): Promise<NodeKeys> {
  if (!fs.existsSync(file)) {
    if (!options.create) throw new NodeKeyFileError(`the node key file ${file} does not exist (LIAISON_NODE_KEY_FILE)`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const made: KeyFile = { format: 'liaison-node-keys/1', nodeId: randomUUID(), keys: [await newKey(options.now)] };
    fs.writeFileSync(file, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  } catch {
    throw new NodeKeyFileError(`the node key file ${file} is not JSON`);
  }
  if (parsed.format !== 'liaison-node-keys/1' || !parsed.nodeId || !parsed.keys?.length) throw new NodeKeyFileError(`the node key file ${file} does not hold node keys`);
  return keysOf(parsed, (next) => {
    // Written beside and renamed over: a crash leaves the old file or the new one, never half of one.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
  });
}

/** Keys made for one process (tests, an in-memory database). */
export async function ephemeralNodeKeys(now = new Date()): Promise<NodeKeys> {
  return keysOf({ format: 'liaison-node-keys/1', nodeId: randomUUID(), keys: [await newKey(now)] }, () => {});
}

/** A peer's public key as a KeyObject. */
export const publicKeyOf = (jwk: Record<string, string>) => createPublicKey({ key: jwk as never, format: 'jwk' });
