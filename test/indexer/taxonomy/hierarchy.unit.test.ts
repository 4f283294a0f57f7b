import { describe, expect, it } from 'vitest';
import { ancestorsOf, breakCycles, deriveHierarchy, type EntryDraft } from '../../../indexer/taxonomy/hierarchy.ts';

const draft = (id: string, broader: string[] = [], related: string[] = []): EntryDraft => ({
  id,
  framework: 'local',
  code: id.slice('local:'.length),
  kind: 'skill',
  label: id,
  altLabels: [],
  broader,
  related,
});
const parents = (edges: Record<string, string[]>) => (id: string) => edges[id] ?? [];

describe('ancestorsOf', () => {
  it('walks breadth-first, nearest first, each ancestor once', () => {
    const edges = parents({ a: ['b', 'c'], b: ['d'], c: ['d', 'e'], d: ['f'] });
    expect(ancestorsOf('a', edges)).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('terminates on cycles and never lists the entry itself', () => {
    expect(ancestorsOf('a', parents({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual(['b', 'c']);
    expect(ancestorsOf('a', parents({ a: ['a'] }))).toEqual([]);
  });
});

describe('breakCycles', () => {
  it('drops the edge that closes a cycle and keeps the rest', () => {
    const drafts = [draft('local:a', ['local:b']), draft('local:b', ['local:c']), draft('local:c', ['local:a'])];
    const removed = breakCycles(drafts);
    expect(removed).toEqual([{ child: 'local:a', parent: 'local:b' }]);
    expect(drafts.map((d) => d.broader)).toEqual([[], ['local:c'], ['local:a']]);
  });
});

describe('deriveHierarchy', () => {
  it('derives narrower and ancestors, makes related symmetric and drops dangling references', () => {
    const docs = deriveHierarchy([
      draft('local:root'),
      draft('local:mid', ['local:root', 'local:missing']),
      draft('local:leaf', ['local:mid'], ['local:other', 'local:nowhere', 'local:leaf']),
      draft('local:other'),
    ]);
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get('local:mid')).toMatchObject({ broader: ['local:root'], narrower: ['local:leaf'], ancestors: ['local:root'] });
    expect(byId.get('local:leaf')).toMatchObject({ ancestors: ['local:mid', 'local:root'], related: ['local:other'] });
    expect(byId.get('local:other')!.related).toEqual(['local:leaf']);
    expect(byId.get('local:root')!.narrower).toEqual(['local:mid']);
  });
});
