import { exportAnchor, importAnchor } from '../../src/server/exchange/anchors.ts';
import { startTestApp, type Engine, type TestApp } from './harness.ts';
import { freePort } from './processes.ts';

export type Node = TestApp & { port: number; url: string; cookies: Record<string, string> };

/** A Liaison node of its own: its database, its keys, hosting the given parties, listening on loopback. */
export async function startNode(name: string, parties: string[], engine: Engine): Promise<Node> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await startTestApp({ engine, config: { nodeName: name, nodeParties: parties, nodeUrl: url } });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, port, url, cookies: {} };
}

/** Each node imports the other's anchor, as their operators would. */
export async function introduce(a: Node, b: Node) {
  await importAnchor(a.ctx, await exportAnchor(b.ctx));
  await importAnchor(b.ctx, await exportAnchor(a.ctx));
}

/** Stops a node answering (as if its process were down), keeping its database. */
export const takeDown = (node: Node) =>
  new Promise<void>((resolve) => {
    node.app.server.close(() => resolve());
    node.app.server.closeAllConnections();
  });

/** Starts it answering again on the same port. */
export const bringUp = (node: Node) => new Promise<void>((resolve) => node.app.server.listen(node.port, '127.0.0.1', () => resolve()));

/** Posts a message to a node's exchange endpoint as a peer would. */
export const postMessage = (node: Node, message: string) => fetch(`${node.url}/api/v1/exchange/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
