// `npm start` builds the web app only when its sources are newer than the last build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(path.join(root, 'src/web')), newest(path.join(root, 'src/shared')));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  const startedAt = Date.now();
  console.log(fs.existsSync(built) ? 'Liaison: the web app changed, building it again…' : 'Liaison: building the web app (first start only, about 20 seconds)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(`Liaison: web app built in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
}
