/**
 * Writes the Simplified text of each seed agreement beside its Traditional text:
 * data/reference/agreements/<code>.zh-Hant.txt -> <code>.zh-Hans.txt.
 *
 * The agreements were signed in both scripts (一式四份，繁體版及簡體版各兩份); the seed holds
 * only the Traditional text, so the Simplified one is derived with OpenCC (Hong Kong ->
 * Mainland). data/reference/reference.test.ts checks that the files stay in step.
 *
 * Run: node --import tsx scripts/make-simplified.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const agreementsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'reference', 'agreements');
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

const sources = readdirSync(agreementsDir)
  .filter((name) => name.endsWith('.zh-Hant.txt'))
  .sort();

for (const name of sources) {
  const hant = readFileSync(join(agreementsDir, name), 'utf8');
  const target = name.replace(/\.zh-Hant\.txt$/, '.zh-Hans.txt');
  writeFileSync(join(agreementsDir, target), toSimplified(hant));
  console.log(`${name} -> ${target}`);
}
