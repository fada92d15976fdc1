import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { buildUser, engines, logInAs, unitId } from '../../../test/support/harness.ts';
import { bringUp, introduce, postMessage, startNode, takeDown, type Node } from '../../../test/support/nodes.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';
import { exchangeMessages, exchangeReceived, exchangeRefusals, notificationEvents, notifications } from '../db/schema.ts';
import { exportAnchor, importAnchor, rotateNodeKey } from './anchors.ts';
import { REFUSALS_KEPT_PER_MINUTE } from './accept.ts';
import { witnessCheckpoint } from './witness.ts';
import { dispatchOnce } from './dispatch.ts';
import { ephemeralNodeKeys } from './node-keys.ts';
import { selfNode } from './queries.ts';
import { runtimeOf } from './runtime.ts';
import { signAnchor, signMessage, type Envelope } from './signed.ts';
import { verifyEvidence } from './verify-evidence.ts';

describe.each(engines)('the exchange between two nodes on %s', (engine) => {
  let hk: Node;
  let gd: Node;
  let fsco: string; // gd-fsco as the Hong Kong node knows it

  beforeAll(async () => {
    hk = await startNode('Hong Kong node', ['HK'], engine);
    gd = await startNode('Guangdong node', ['GD'], engine);
    await introduce(hk, gd);
    fsco = await unitId(hk.ctx, 'gd-fsco');
    for (const [node, unit, roles, key] of [
      [hk, 'hk-fhb', ['officer'], 'officer'],
      [hk, 'hk-fhb', ['approver'], 'approver'],
      [gd, 'gd-fsco', ['officer'], 'officer'],
    ] as const) {
      const user = await buildUser(node.ctx, { unit, roles: [...roles] });
      node.cookies[key] = await logInAs(node.app, user.username);
    }
  });
  afterAll(async () => {
    await hk?.close();
    await gd?.close();
  });

  const sendFromHongKong = async (title = '冷凍蝦仁驗出孔雀石綠') => {
    const draft = await call(hk.app, hk.cookies.officer, 'POST', '/notifications', draftBody(fsco, { text: { ...draftBody(fsco).text, title } }));
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    expect((await call(hk.app, hk.cookies.officer, 'POST', `/notifications/${id}/submit`)).statusCode).toBe(200);
    // With an Idempotency-Key, as the web app sends it: the send runs in the request's own transaction.
    const sent = await call(hk.app, hk.cookies.approver, 'POST', `/notifications/${id}/approve`, undefined, { 'idempotency-key': `approve-${id}` });
    expect(sent.statusCode, sent.body).toBe(200);
    return sent.json() as { id: string; reference: string };
  };

  it('shows the units of the peer as remote, on its node, and refuses a peer claiming units this node hosts', async () => {
    const status = await call(hk.app, await logInAs(hk.app, 'admin', 'admin-password-for-tests'), 'GET', '/exchange/status');
    expect(status.statusCode).toBe(200);
    const peer = status.json().nodes.find((n: { name: string }) => n.name === 'Guangdong node');
    expect(peer.units).toContain('gd-fsco');
    expect(peer.units).not.toContain('hk-fhb');
    // The directory shows them as remote, on their node; this node's own as its own.
    const directory = (await call(hk.app, hk.cookies.officer, 'GET', '/directory')).json();
    const unitsOf = (code: string) => directory.parties.find((p: { code: string }) => p.code === code).units;
    expect(unitsOf('GD').find((u: { code: string }) => u.code === 'gd-fsco').hostedElsewhere).toEqual({ remote: true, node: 'Guangdong node' });
    expect(unitsOf('HK').find((u: { code: string }) => u.code === 'hk-fhb').hostedElsewhere).toBeNull();
    expect(unitsOf('MO')[0].hostedElsewhere).toEqual({ remote: true, node: null });
    // Another node claiming the Guangdong units is refused; so is a new anchor for the Guangdong
    // node's id signed by a key not already known for it.
    const impostor = await startNode('Impostor', ['GD'], engine);
    try {
      await expect(importAnchor(hk.ctx, await exportAnchor(impostor.ctx))).rejects.toThrow(/another known node hosts: .*gd-fsco/);
      const keys = runtimeOf(impostor.ctx).keys;
      const gdNode = await selfNode(gd.ctx.db);
      const forged = await signAnchor(keys, { format: 'liaison-anchor/1', node: { id: gdNode.id, name: 'Guangdong node', party: 'GD', url: impostor.url }, keys: keys.publicKeys(), units: ['gd-fsco'], issuedAt: new Date().toISOString() });
      await expect(importAnchor(hk.ctx, forged)).rejects.toThrow(/not signed by any key already known/);
    } finally {
      await impostor.close();
    }
  });

  it('carries a notification from Hong Kong to Guangdong, read there in Simplified, and the acknowledgement back, each with a verified receipt', async () => {
    const sent = await sendFromHongKong();
    // Nothing has crossed yet: the message waits in the Hong Kong node's outbox.
    expect((await call(gd.app, gd.cookies.officer, 'GET', `/notifications/${sent.id}`)).statusCode).toBe(404);
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 1, failed: 0 });

    const read = await call(gd.app, gd.cookies.officer, 'GET', `/notifications/${sent.id}`, undefined, { 'accept-language': 'zh-Hans' });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().reference).toBe(sent.reference);
    expect(JSON.stringify(read.json())).toContain('冷冻虾仁验出孔雀石绿');
    const inbox = await call(gd.app, gd.cookies.officer, 'GET', '/notifications?box=inbox');
    expect(inbox.json().items.map((n: { id: string }) => n.id)).toContain(sent.id);

    const delivered = await call(hk.app, hk.cookies.approver, 'GET', `/exchange/deliveries?subjectType=notification&subjectId=${sent.id}`);
    expect(delivered.json().sent).toEqual([expect.objectContaining({ kind: 'notification.sent', status: 'delivered', receiptVerified: true, to: expect.objectContaining({ name: 'Guangdong node' }) })]);

    expect((await call(gd.app, gd.cookies.officer, 'POST', `/notifications/${sent.id}/acknowledge`)).statusCode).toBe(200);
    expect(await dispatchOnce(gd.ctx)).toMatchObject({ delivered: 1 });
    const back = (await call(hk.app, hk.cookies.officer, 'GET', `/notifications/${sent.id}`)).json();
    expect(back.status).toBe('acknowledged');
    expect(back.timeline.at(-1)).toMatchObject({ kind: 'acknowledged' });
    expect(JSON.stringify(back.timeline.at(-1))).toContain('Guangdong node');

    // A request for information from Guangdong, answered from Hong Kong: each crosses, and the answer closes the request on both nodes.
    const asked = await call(gd.app, gd.cookies.officer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'request_for_information', script: 'zh-Hans', text: '请提供养殖场名单。' });
    expect(asked.statusCode, asked.body).toBe(201);
    await dispatchOnce(gd.ctx);
    const onHk = (await call(hk.app, hk.cookies.officer, 'GET', `/notifications/${sent.id}`)).json();
    const request = onHk.followUps.find((f: { kind: string }) => f.kind === 'request_for_information');
    expect(request.text['zh-Hant']).toBe('請提供養殖場名單。');
    const answered = await call(hk.app, hk.cookies.officer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: '名單見附件。', answersId: request.id });
    expect(answered.statusCode, answered.body).toBe(201);
    await dispatchOnce(hk.ctx);
    const onGd = (await call(gd.app, gd.cookies.officer, 'GET', `/notifications/${sent.id}`)).json();
    expect(onGd.followUps.find((f: { id: string }) => f.id === request.id).answeredAt).not.toBeNull();
    expect(onGd.followUps.map((f: { kind: string }) => f.kind).sort()).toEqual(['additional_information', 'request_for_information']);
  });

  it('exports an evidence bundle that verifies offline and fails when one byte is changed', async () => {
    const sent = await sendFromHongKong('證據包測試');
    await dispatchOnce(hk.ctx);
    const bundle = await call(hk.app, hk.cookies.officer, 'GET', `/exchange/evidence?subjectType=notification&subjectId=${sent.id}`);
    expect(bundle.statusCode).toBe(200);
    const verified = await verifyEvidence(bundle.body);
    expect(verified.ok, verified.lines.join('\n')).toBe(true);
    expect(verified.lines[0]).toMatch(/receipt signed by Guangdong node/);
    // One character of the signed payload changed (inside the message's JWS payload).
    const parsed = JSON.parse(bundle.body);
    const [h, p, s] = parsed.messages[0].message.split('.');
    const tampered = Buffer.from(p, 'base64url').toString('utf8').replace('證據包', '證據色');
    parsed.messages[0].message = [h, Buffer.from(tampered).toString('base64url'), s].join('.');
    expect((await verifyEvidence(JSON.stringify(parsed))).ok).toBe(false);
    // A unit that may not read the notification gets no evidence of it.
    const other = await buildUser(hk.ctx, { unit: 'hk-edb', roles: ['officer'] });
    expect((await call(hk.app, await logInAs(hk.app, other.username), 'GET', `/exchange/evidence?subjectType=notification&subjectId=${sent.id}`)).statusCode).toBe(404);
  });

  it('refuses and records an altered message, one signed by an unknown node and one for a unit it does not host; a replay gets the same receipt and changes nothing', async () => {
    const sent = await sendFromHongKong('重放測試');
    const [message] = await hk.ctx.db.select().from(exchangeMessages).where(eq(exchangeMessages.subjectId, sent.id));
    await dispatchOnce(hk.ctx);
    const eventsBefore = await gd.ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(notificationEvents);

    const replay = await postMessage(gd, message.jws);
    expect(replay.status).toBe(200);
    const [stored] = await gd.ctx.db.select().from(exchangeReceived).where(eq(exchangeReceived.messageId, message.id));
    expect((await replay.json()).receipt).toBe(stored.receipt);
    expect(await gd.ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(notificationEvents)).toEqual(eventsBefore);

    const [h, p, s] = message.jws.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Envelope;
    const altered = [h, Buffer.from(JSON.stringify({ ...payload, id: crypto.randomUUID(), payload: { ...payload.payload, actor: 'Mallory' } })).toString('base64url'), s].join('.');
    const alteredAnswer = await postMessage(gd, altered);
    expect(alteredAnswer.status).toBe(403);

    const stranger = await ephemeralNodeKeys();
    const foreign = await signMessage(stranger, { ...payload, id: crypto.randomUUID(), from: { node: stranger.nodeId, unit: null } });
    expect((await postMessage(gd, foreign)).status).toBe(403);

    const hkKeys = runtimeOf(hk.ctx).keys;
    const misaddressed = await signMessage(hkKeys, { ...payload, id: crypto.randomUUID(), to: { node: payload.to.node, unit: 'hk-fhb' } });
    const misaddressedAnswer = await postMessage(gd, misaddressed);
    expect(misaddressedAnswer.status).toBe(422);
    expect((await misaddressedAnswer.json()).error.code).toBe('exchange.refused');

    const refusals = await gd.ctx.db.select().from(exchangeRefusals);
    expect(refusals.map((r) => r.reason)).toEqual(expect.arrayContaining(['bad_signature', 'unknown_sender', 'unit_not_hosted']));

    // Junk from anyone fills the refusals only up to a number a minute; the rest are counted.
    gd.clock.advance(60_000);
    const before = refusals.length;
    for (let i = 0; i < REFUSALS_KEPT_PER_MINUTE + 30; i++) expect((await postMessage(gd, 'not.a.message')).status).toBe(403);
    expect((await gd.ctx.db.select().from(exchangeRefusals)).length - before).toBe(REFUSALS_KEPT_PER_MINUTE);
    gd.clock.advance(60_000);
    await postMessage(gd, 'not.a.message');
    const [last] = await gd.ctx.db.select().from(exchangeRefusals).orderBy(desc(exchangeRefusals.id)).limit(1);
    expect(last.detail).toMatch(/and 30 refusals before it not recorded/);
  });

  it('keeps messages while the peer is down for ten minutes, then delivers every one exactly once and in order', async () => {
    await takeDown(gd);
    const sent = [];
    try {
      for (const title of ['停機一', '停機二', '停機三']) sent.push(await sendFromHongKong(title));
      for (let minute = 0; minute < 10; minute++) {
        const round = await dispatchOnce(hk.ctx);
        expect(round.delivered).toBe(0);
        hk.clock.advance(60_000);
      }
      const waiting = await hk.ctx.db.select().from(exchangeMessages).where(eq(exchangeMessages.status, 'pending')).orderBy(exchangeMessages.seq);
      expect(waiting.length).toBe(3);
      expect(waiting[0].lastError).toMatch(/unreachable/);
    } finally {
      await bringUp(gd);
    }
    hk.clock.advance(10 * 60_000);
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 3, failed: 0 });
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 0 });
    const copies = await gd.ctx.db.select({ id: notifications.id, reference: notifications.reference }).from(notifications).where(sql`${notifications.id} in (${sql.join(sent.map((s) => sql`${s.id}`), sql`, `)})`);
    expect(copies.map((c) => c.reference).sort()).toEqual(sent.map((s) => s.reference).sort());
    const received = await gd.ctx.db.select({ at: exchangeReceived.receivedAt, subjectId: exchangeReceived.subjectId }).from(exchangeReceived).where(sql`${exchangeReceived.subjectId} in (${sql.join(sent.map((s) => sql`${s.id}`), sql`, `)})`);
    expect(received.length).toBe(3);
  });

  it("witnesses the peer's audit checkpoints: a chain that shrinks or changes its head is shown as a conflict", async () => {
    await witnessCheckpoint(hk.ctx, { position: 40, hash: 'a'.repeat(64), at: '2026-11-24T10:00:00.000Z' });
    await witnessCheckpoint(hk.ctx, { position: 40, hash: 'b'.repeat(64), at: '2026-11-24T10:01:00.000Z' });
    await witnessCheckpoint(hk.ctx, { position: 12, hash: 'c'.repeat(64), at: '2026-11-24T10:02:00.000Z' });
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 3 });
    const status = (await call(gd.app, await logInAs(gd.app, 'admin', 'admin-password-for-tests'), 'GET', '/exchange/status')).json();
    const peer = status.nodes.find((n: { name: string }) => n.name === 'Hong Kong node');
    expect(peer.conflicts.map((c: { conflict: string }) => c.conflict).sort()).toEqual(['rewritten', 'truncated']);
    // Only the operator sees it.
    expect((await call(gd.app, gd.cookies.officer, 'GET', '/exchange/status')).statusCode).toBe(403);
  });

  it('rotates a node key: the peer takes the new anchor, signed by the old key too, and old and new messages verify', async () => {
    const before = await sendFromHongKong('換鑰之前');
    await dispatchOnce(hk.ctx);
    const { retired, current } = await rotateNodeKey(hk.ctx);
    expect(current).not.toBe(retired);
    // Until the peer has the new anchor, a message signed by the new key is refused; it waits, and is retried.
    const after = await sendFromHongKong('換鑰之後');
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 0, failed: 1 });
    const waiting = (await call(hk.app, hk.cookies.officer, 'GET', `/exchange/deliveries?subjectType=notification&subjectId=${after.id}`)).json();
    expect(waiting.sent[0]).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/403/) });
    await importAnchor(gd.ctx, await exportAnchor(hk.ctx));
    hk.clock.advance(60_000);
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 1 });
    for (const id of [before.id, after.id]) {
      const bundle = await call(hk.app, hk.cookies.officer, 'GET', `/exchange/evidence?subjectType=notification&subjectId=${id}`);
      const verified = await verifyEvidence(bundle.body);
      expect(verified.ok, verified.lines.join('\n')).toBe(true);
    }
  });
});
