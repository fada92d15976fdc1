import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No import cycles in the server, the web app or the code they share: a module's files depend
// on its kernel (platform, units, shared, components, lib), never the other way round, and two
// modules never on each other. Type-only imports count too: a cycle of types is a cycle of
// meaning. Tests are left out (a test may import anything).

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const importPattern = /^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every file's relative imports of other source files, as a graph. */
function importGraph(): Map<string, string[]> {
  const files = ['server', 'web', 'shared', 'cli'].flatMap((d) => sourceFiles(path.join(src, d)));
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const targets = [...text.matchAll(importPattern)].map((m) => path.resolve(path.dirname(file), m[1])).filter((t) => known.has(t));
      return [file, targets];
    }),
  );
}

/** The cycles of a graph, each as the path around it (depth-first search). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads the sources', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('has no import cycle', () => {
    const cycles = findCycles(graph).map((cycle) => cycle.map((f) => path.relative(src, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });
});
