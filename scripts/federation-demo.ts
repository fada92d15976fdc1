/**
 * Three Liaison nodes on one machine — Hong Kong, Guangdong (with Guangzhou) and Macao — each
 * with its own data directory, port and keys, their anchors exchanged, and demo accounts: a
 * notification sent on one node crosses to another. `npm run demo:federation`; Ctrl+C stops all.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'var/federation');
const password = process.env.LIAISON_DEMO_PASSWORD ?? 'demo-password';
const nodes = [
  { key: 'hk', name: 'Hong Kong node', parties: 'HK', port: 3101 },
  { key: 'gd', name: 'Guangdong node', parties: 'GD,GZ', port: 3102 },
  { key: 'mo', name: 'Macao node', parties: 'MO', port: 3103 },
];

const envOf = (node: (typeof nodes)[number]) => ({
  ...process.env,
  LIAISON_DATA_DIR: path.join(root, node.key),
  PORT: String(node.port),
  HOST: '127.0.0.1',
  LIAISON_NODE_NAME: node.name,
  LIAISON_NODE_PARTIES: node.parties,
  LIAISON_NODE_URL: `http://127.0.0.1:${node.port}`,
  LIAISON_PUBLIC_URL: `http://127.0.0.1:${node.port}`,
  LIAISON_DEMO: '1',
  LIAISON_DEMO_PASSWORD: password,
  LIAISON_ADMIN_PASSWORD: process.env.LIAISON_ADMIN_PASSWORD ?? 'admin-password',
});

function cli(node: (typeof nodes)[number], args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/liaison.ts', ...args], { env: envOf(node), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${node.name}: liaison ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
fs.mkdirSync(root, { recursive: true });
console.log(`Three nodes in ${root}: exchanging anchors…`);
for (const node of nodes) cli(node, ['exchange', 'export-anchor', path.join(root, `${node.key}.anchor.json`)]);
for (const node of nodes) {
  for (const peer of nodes.filter((p) => p !== node)) console.log(`  ${node.name}: ${cli(node, ['exchange', 'import-anchor', path.join(root, `${peer.key}.anchor.json`)])}`);
}

const children: ChildProcess[] = nodes.map((node) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...envOf(node), LOG_LEVEL: 'warn' } });
  const prefix = (data: Buffer) => process.stdout.write(data.toString().replace(/^(?=.)/gm, `[${node.key}] `));
  child.stdout!.on('data', prefix);
  child.stderr!.on('data', prefix);
  return child;
});

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

for (const node of nodes) {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${node.port}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (tries > 600) throw new Error(`${node.name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
console.log(`
Three Liaison nodes are running (demo accounts, password "${password}"):
  Hong Kong  http://127.0.0.1:3101   e.g. hk-fhb-officer, hk-fhb-approver
  Guangdong  http://127.0.0.1:3102   e.g. gd-fsco-officer
  Macao      http://127.0.0.1:3103   e.g. mo-dsamma-officer
  Operators: admin on each (password from LIAISON_ADMIN_PASSWORD, default "admin-password"): Administration → Exchange.
Draft a notification on the Hong Kong node to the Guangdong Food Safety Commission Office, have
it approved, and open it on the Guangdong node. Ctrl+C stops all three.`);
