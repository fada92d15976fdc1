import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roles, unitKinds } from '../../web/types.ts';
import { scriptViews } from '../../web/pages/agreements/script.ts';
import { searchKinds } from '../search-kinds.ts';
import { auditActions, auditEntities } from '../audit-actions.ts';
import { manifests, uiLocaleFiles } from '../modules.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '../../web');
const locales = ['en', 'zh-Hant', 'zh-Hans'] as const;
/** Every translation file (ui.json, errors.json, and any added later) of any of the three locales. */
const files = [...new Set(locales.flatMap((l) => fs.readdirSync(path.join(here, l)).filter((f) => f.endsWith('.json'))))].sort();

type Tree = { [key: string]: string | Tree };

const read = (locale: string, file: string): Tree => JSON.parse(fs.readFileSync(path.join(here, locale, file), 'utf8'));

/** Every leaf as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of flatten(value, full)) out.set(k, v);
    else out.set(full, value);
  }
  return out;
}

/**
 * i18next's plural forms: a key ending in _one, _few, … is needed only in the languages whose
 * plural rules have that form (Chinese has only _other); _other is needed in every language.
 */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const needs = (locale: string, key: string) => {
  const form = key.match(pluralSuffix)?.[1];
  return !form || (new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]).includes(form);
};

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && entry.name !== 'vite.config.ts' ? [full] : [];
  });
}

describe.each(files)('%s', (file) => {
  const flat = Object.fromEntries(locales.map((l) => [l, flatten(read(l, file))]));
  const allKeys = [...new Set(locales.flatMap((l) => [...flat[l].keys()]))].sort();

  it.each(locales)('has every key, with a non-empty text, in %s', (locale) => {
    const missing = allKeys.filter((key) => needs(locale, key)).filter((key) => typeof flat[locale].get(key) !== 'string' || !(flat[locale].get(key) as string).trim());
    expect(missing).toEqual([]);
  });

  it('uses the same {{placeholders}} in every language', () => {
    const mismatched = allKeys.filter((key) => {
      const [first, ...rest] = locales.filter((l) => flat[l].has(key)).map((l) => placeholders(String(flat[l].get(key) ?? '')).join(','));
      return rest.some((p) => p !== first);
    });
    expect(mismatched).toEqual([]);
  });
});

describe('the web app', () => {
  // The app's one namespace is ui.json merged with the modules' ui-<module>.json files.
  const tree: Tree = Object.assign({}, ...uiLocaleFiles.map((name) => read('en', `${name}.json`)));
  const ui = flatten(tree);
  const sources = sourceFiles(webDir).map((f) => ({ file: path.relative(webDir, f), text: fs.readFileSync(f, 'utf8') }));
  const subtree = (prefix: string): unknown => prefix.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

  it('loads every ui-<module>.json file, each listed by a module', () => {
    expect(files.filter((f) => f === 'ui.json' || f.startsWith('ui-'))).toEqual([...uiLocaleFiles].map((name) => `${name}.json`).sort());
  });

  it('finds the web app sources to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it("uses only keys that ui.json has (t('…') and i18nKey=\"…\")", () => {
    const used = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g), ...text.matchAll(/i18nKey=(['"{]+)([^'"}]+)/g)].map((m) => ({ file, key: m[2] })),
    );
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(({ key }) => !ui.has(key))).toEqual([]);
  });

  it('has a group of keys for every key built from a prefix (t(`roles.${role}`))', () => {
    const prefixes = sources.flatMap(({ file, text }) => [...text.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)].map((m) => ({ file, prefix: m[1] })));
    expect(prefixes.length).toBeGreaterThan(0);
    expect(prefixes.filter(({ prefix }) => typeof subtree(prefix) !== 'object')).toEqual([]);
  });

  it('names every role, unit kind, script view, kind of search result, audited action and kind of audited record', () => {
    const wanted = [
      ...roles.map((r) => `roles.${r}`),
      ...roles.map((r) => `roleDescriptions.${r}`),
      'roles.platform_admin',
      ...unitKinds.map((k) => `unitKinds.${k}`),
      ...scriptViews.map((v) => `agreement.view.${v}`),
      ...locales.map((l) => `languages.${l}`),
      ...searchKinds.map((k) => `search.kinds.${k}`),
      ...auditActions.map((a) => `admin.auditActions.${a}`),
      ...auditEntities.map((e) => `admin.auditEntities.${e}`),
      ...manifests.flatMap((m) => (m.nav ? [m.nav.labelKey] : [])),
    ];
    expect(wanted.filter((key) => !ui.has(key))).toEqual([]);
  });
});
