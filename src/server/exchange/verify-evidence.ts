import type { EvidenceBundle } from './evidence.ts';
import { digestOf, verifyMessage, verifyReceipt } from './signed.ts';

export type EvidenceCheck = { ok: boolean; lines: string[] };

/**
 * Checks an evidence bundle with nothing but the bundle: every message's signature against its
 * sender's key, every receipt's signature against its receiver's key and its digest against
 * the message exactly as sent, and that every message is about the bundle's subject. Used by
 * `liaison exchange verify-evidence`, which needs no database.
 */
export async function verifyEvidence(text: string): Promise<EvidenceCheck> {
  const lines: string[] = [];
  let bundle: EvidenceBundle;
  try {
    bundle = JSON.parse(text) as EvidenceBundle;
  } catch {
    return { ok: false, lines: ['the file is not JSON'] };
  }
  if (bundle.format !== 'liaison-evidence/1' || !Array.isArray(bundle.messages) || !Array.isArray(bundle.nodes)) return { ok: false, lines: ['the file is not a Liaison evidence bundle'] };
  const keysOf = (node: string) => (bundle.nodes.find((n) => n.id === node)?.keys ?? []).map((k) => ({ ...k, createdAt: '', retiredAt: null }));
  const nameOf = (node: string) => bundle.nodes.find((n) => n.id === node)?.name ?? node;
  let ok = bundle.messages.length > 0;
  if (!ok) lines.push('the bundle holds no message');
  for (const [index, item] of bundle.messages.entries()) {
    const at = `message ${index + 1}`;
    try {
      const claimedFrom = JSON.parse(Buffer.from(item.message.split('.')[1] ?? '', 'base64url').toString('utf8')) as { from?: { node?: string } };
      const { value: envelope } = await verifyMessage(item.message, keysOf(claimedFrom.from?.node ?? ''));
      if (envelope.subject?.type !== bundle.subject.type || envelope.subject?.id !== bundle.subject.id) throw new Error('it is about another record');
      let line = `${at}: ${envelope.kind} ${envelope.id}, signed by ${nameOf(envelope.from.node)} at ${envelope.at}`;
      if (item.receipt) {
        const { value: receipt } = await verifyReceipt(item.receipt, keysOf(envelope.to.node));
        if (receipt.messageId !== envelope.id || receipt.digest !== digestOf(item.message) || receipt.by !== envelope.to.node) throw new Error('its receipt is for other content');
        line += `; receipt signed by ${nameOf(receipt.by)} at ${receipt.receivedAt}`;
      } else line += '; no receipt (not delivered yet)';
      lines.push(`${line}: OK`);
    } catch (error) {
      ok = false;
      lines.push(`${at}: FAILED: ${(error as Error).message}`);
    }
  }
  return { ok, lines };
}
