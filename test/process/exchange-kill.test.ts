import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { exchangeReceived, notifications } from '../../src/server/db/schema.ts';
import { exportAnchor, importAnchor } from '../../src/server/exchange/anchors.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { freePort, runCli, startServerProcess } from '../support/processes.ts';

/**
 * A sender killed with SIGKILL between the commit of a send and its delivery still delivers
 * after restart, exactly once: the message was written in the send's transaction, not kept in
 * memory. The sender is a real server process on the embedded database; the receiver a node in
 * this process, on loopback.
 */
describe('a message outlives a SIGKILL of the sending node', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-exchange-kill-'));
  let receiver: TestApp | undefined;
  afterAll(async () => {
    await receiver?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers after restart what was committed before the kill, once', async () => {
    const receiverPort = await freePort();
    receiver = await startTestApp({ config: { nodeName: 'Guangdong node', nodeParties: ['GD'], nodeUrl: `http://127.0.0.1:${receiverPort}` } });
    await receiver.app.listen({ port: receiverPort, host: '127.0.0.1' });

    const senderPort = await freePort();
    const env = {
      LIAISON_DATA_DIR: path.join(dir, 'hk'),
      LIAISON_NODE_NAME: 'Hong Kong node',
      LIAISON_NODE_PARTIES: 'HK',
      LIAISON_NODE_URL: `http://127.0.0.1:${senderPort}`,
      LIAISON_DEMO: '1',
      LIAISON_DEMO_PASSWORD: 'demo-password-for-tests',
      LIAISON_ADMIN_PASSWORD: 'admin-password-for-tests',
    };
    const senderAnchor = path.join(dir, 'hk.anchor.json');
    const receiverAnchor = path.join(dir, 'gd.anchor.json');
    expect(runCli(['exchange', 'export-anchor', senderAnchor], env).status).toBe(0);
    fs.writeFileSync(receiverAnchor, await exportAnchor(receiver.ctx));
    const imported = runCli(['exchange', 'import-anchor', receiverAnchor], env);
    expect(imported.status, imported.output).toBe(0);
    await importAnchor(receiver.ctx, fs.readFileSync(senderAnchor, 'utf8'));

    // The dispatcher is held: the send commits, its message stays in the outbox.
    let sender = await startServerProcess({ ...env, LIAISON_EXCHANGE_PAUSED: '1' }, { port: senderPort });
    const base = `http://127.0.0.1:${senderPort}`;
    const logIn = async (username: string) => {
      const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username, password: 'demo-password-for-tests' }) });
      expect(response.status).toBe(200);
      return response.headers.get('set-cookie')!.split(';')[0];
    };
    const call = async (cookie: string, method: string, url: string, body?: object) => {
      const response = await fetch(`${base}/api/v1${url}`, { method, headers: { cookie, origin: base, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> };
    };
    const officer = await logIn('hk-fhb-officer');
    const approver = await logIn('hk-fhb-approver');
    const units = (await call(officer, 'GET', '/units')).json as unknown as { code: string; id: string }[] | { items: { code: string; id: string }[] };
    const fsco = (Array.isArray(units) ? units : units.items).find((u) => u.code === 'gd-fsco')!;
    const draft = await call(officer, 'POST', '/notifications', {
      recipientUnitId: fsco.id,
      category: 'monitoring_result',
      classification: 'alert',
      riskDecision: 'serious',
      basis: 'border_control',
      script: 'zh-Hant',
      text: { title: '殺進程測試', scope: '一批供港冷凍蝦仁驗出孔雀石綠。', measures: '已封存該批產品。', attention: '請跟進。' },
      summaryEn: 'Kill test',
      products: [{ name: '冷凍蝦仁' }],
      hazards: [{ agent: '孔雀石綠' }],
      distribution: [],
      customsChannel: false,
    });
    expect(draft.status, JSON.stringify(draft.json)).toBe(201);
    const id = draft.json.id as string;
    expect((await call(officer, 'POST', `/notifications/${id}/submit`)).status).toBe(200);
    expect((await call(approver, 'POST', `/notifications/${id}/approve`)).status).toBe(200);
    const health = (await (await fetch(`${base}/healthz`)).json()) as { exchange: { pending: number } };
    expect(health.exchange.pending).toBe(1);

    const killed = new Promise((resolve) => sender.child.once('exit', resolve));
    sender.child.kill('SIGKILL');
    await killed;
    expect(await receiver.ctx.db.select().from(notifications).where(eq(notifications.id, id))).toEqual([]);

    sender = await startServerProcess(env, { port: senderPort });
    try {
      // Bound by work: the restarted dispatcher has one message to deliver; wait for it, not for a time.
      for (let round = 0; ; round++) {
        const copies = await receiver.ctx.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, id));
        if (copies.length) break;
        if (round > 600) throw new Error(`not delivered after restart:\n${sender.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const received = await receiver.ctx.db.select().from(exchangeReceived).where(eq(exchangeReceived.subjectId, id));
      expect(received.map((r) => r.kind)).toEqual(['notification.sent']);
      for (let round = 0; ; round++) {
        const after = (await (await fetch(`${base}/healthz`)).json()) as { exchange: { pending: number } };
        if (after.exchange.pending === 0) break;
        if (round > 600) throw new Error('the receipt was not recorded');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await sender.stop();
    }
  });
});
