import { createHash } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, GeneralSign, generalVerify, type GeneralJWS } from 'jose';
import { canonicalJson } from '../audit/chain.ts';
import { publicKeyOf, type NodeKeys } from './node-keys.ts';
import type { NodePublicKey } from './schema.ts';

/**
 * What one node sends another. Signed by the sending node as a compact JWS (RFC 7515, EdDSA)
 * over the canonical JSON of this envelope, so the id, sender, recipient and time are signed
 * together with the payload.
 */
export type Envelope = {
  v: 1;
  id: string;
  kind: string;
  at: string;
  from: { node: string; unit: string | null };
  to: { node: string; unit: string | null };
  subject: { type: string; id: string } | null;
  payload: Record<string, unknown>;
};

/** What a receiver signs back: it holds the message with this digest, accepted at that time. */
export type Receipt = { v: 1; messageId: string; digest: string; by: string; receivedAt: string };

const MESSAGE_TYPE = 'liaison-message+jws';
const RECEIPT_TYPE = 'liaison-receipt+jws';
const ANCHOR_TYPE = 'liaison-anchor+jws';

const encode = (value: unknown) => new TextEncoder().encode(canonicalJson(value));
const decode = <T>(bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as T;

/** sha256 of a message exactly as sent (its compact JWS), hex: what a receipt covers. */
export const digestOf = (jws: string) => createHash('sha256').update(jws).digest('hex');

async function signCompact(keys: NodeKeys, typ: string, value: unknown) {
  const key = keys.current();
  return new CompactSign(encode(value)).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ }).sign(key.privateKey);
}

export const signMessage = (keys: NodeKeys, envelope: Envelope) => signCompact(keys, MESSAGE_TYPE, envelope);
export const signReceipt = (keys: NodeKeys, receipt: Receipt) => signCompact(keys, RECEIPT_TYPE, receipt);

export class SignatureError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown_key' | 'bad_signature',
    message: string,
  ) {
    super(message);
  }
}

/** The header's key id and the payload as claimed, before anything is verified (to find the key). */
export function peek<T>(jws: string): { kid: string | null; typ: string | null; claimed: T } {
  try {
    const header = decodeProtectedHeader(jws);
    const payload = jws.split('.')[1];
    return { kid: typeof header.kid === 'string' ? header.kid : null, typ: typeof header.typ === 'string' ? header.typ : null, claimed: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T };
  } catch {
    throw new SignatureError('malformed', 'not a compact JWS with a JSON payload');
  }
}

async function verifyCompact<T>(jws: string, typ: string, keys: NodePublicKey[]): Promise<{ value: T; kid: string }> {
  const { kid, typ: given } = peek<T>(jws);
  if (given !== typ) throw new SignatureError('malformed', `expected a ${typ}`);
  const key = keys.find((k) => k.kid === kid);
  if (!key) throw new SignatureError('unknown_key', `no known key ${kid ?? '(none)'}`);
  try {
    const { payload } = await compactVerify(jws, publicKeyOf(key.jwk), { algorithms: ['EdDSA'] });
    return { value: decode<T>(payload), kid: key.kid };
  } catch {
    throw new SignatureError('bad_signature', `the signature does not verify with key ${key.kid}`);
  }
}

export const verifyMessage = (jws: string, keys: NodePublicKey[]) => verifyCompact<Envelope>(jws, MESSAGE_TYPE, keys);
export const verifyReceipt = (jws: string, keys: NodePublicKey[]) => verifyCompact<Receipt>(jws, RECEIPT_TYPE, keys);

/** What operators exchange out of band: who a node is, where, its keys and the units it hosts. */
export type Anchor = {
  format: 'liaison-anchor/1';
  node: { id: string; name: string; party: string | null; url: string };
  keys: NodePublicKey[];
  units: string[];
  issuedAt: string;
};

/**
 * An anchor signed by every key of the node (general JSON serialization): after a rotation a
 * peer that knows only the old key can still check that the new anchor comes from the same node.
 */
export async function signAnchor(keys: NodeKeys, anchor: Anchor, privateKeys = [keys.current()]): Promise<string> {
  const signer = new GeneralSign(encode(anchor));
  for (const key of privateKeys) signer.addSignature(key.privateKey).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: ANCHOR_TYPE });
  return `${JSON.stringify(await signer.sign(), null, 2)}\n`;
}

/** The node id an anchor file claims, before anything is verified (to find the keys already known for it). */
export function claimedAnchorNode(text: string): string | null {
  try {
    const anchor = JSON.parse(Buffer.from((JSON.parse(text) as { payload: string }).payload, 'base64url').toString('utf8')) as Anchor;
    const id = anchor.node?.id;
    return typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * Reads an anchor file: every signature must verify with the anchor's own key of its `kid`, and
 * at least one must be by a key in `trusted` when the node is already known (continuity).
 */
export async function verifyAnchor(text: string, trusted: NodePublicKey[] | null): Promise<{ anchor: Anchor; fingerprint: string }> {
  let jws: GeneralJWS;
  try {
    jws = JSON.parse(text) as GeneralJWS;
    if (typeof jws.payload !== 'string' || !Array.isArray(jws.signatures) || jws.signatures.length === 0) throw new Error();
  } catch {
    throw new SignatureError('malformed', 'an anchor file is a JWS in general JSON serialization');
  }
  const anchor = decode<Anchor>(Buffer.from(jws.payload, 'base64url'));
  if (anchor.format !== 'liaison-anchor/1' || !anchor.node?.id || !Array.isArray(anchor.keys) || !Array.isArray(anchor.units)) throw new SignatureError('malformed', 'not a Liaison anchor');
  let byTrusted = false;
  for (const signature of jws.signatures) {
    const kid = signature.protected ? (JSON.parse(Buffer.from(signature.protected, 'base64url').toString('utf8')) as { kid?: string }).kid : undefined;
    const own = anchor.keys.find((k) => k.kid === kid);
    if (!own) throw new SignatureError('unknown_key', `the anchor is signed with a key it does not list (${kid})`);
    try {
      await generalVerify({ payload: jws.payload, signatures: [signature] }, publicKeyOf(own.jwk), { algorithms: ['EdDSA'] });
    } catch {
      throw new SignatureError('bad_signature', `the anchor's signature by ${kid} does not verify`);
    }
    if (trusted?.some((k) => k.kid === kid)) byTrusted = true;
  }
  if (trusted && !byTrusted) throw new SignatureError('unknown_key', 'the anchor is not signed by any key already known for this node');
  return { anchor, fingerprint: createHash('sha256').update(canonicalJson(anchor.keys.map((k) => k.kid))).digest('hex').slice(0, 32) };
}
