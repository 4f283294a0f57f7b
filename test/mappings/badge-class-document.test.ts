/** The badge-class document is built in one place: the indexer and the generated test and bench data use the same function. */
import { describe, expect, it } from 'vitest';
import { indexedBadgeClass } from '../../mappings/badge-classes.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { FIXTURE_NOW, generateDirectory } from '../support/generators/directory.ts';
import { badgeClassDocuments } from '../support/generators/documents.ts';

describe('indexedBadgeClass', () => {
  const content = {
    id: 'https://issuer.example/achievements/plc',
    name: 'PLC Troubleshooting',
    credentialType: 'badge' as const,
    issuerId: 'did:web:issuer.example',
    issuerName: 'Example Technical College',
    tags: ['automation'],
    alignments: [],
    skills: ['onet:2.B.3.h'],
    pathways: [],
  };

  it('adds the derived fields (update time, typeahead input from the name) and keeps what the badge class says', () => {
    expect(indexedBadgeClass(content, new Date('2026-03-02T10:00:00Z'))).toEqual({
      ...content,
      updatedAt: '2026-03-02T10:00:00.000Z',
      suggest: { input: ['PLC Troubleshooting'] },
    });
  });

  it('is what the generated data writes for each generated class', () => {
    const directory = generateDirectory(loadTaxonomy(), 7, 20, FIXTURE_NOW);
    const documents = badgeClassDocuments(directory, FIXTURE_NOW);
    expect(documents.map((d) => d.id)).toEqual(directory.classes.map((c) => c.id));
    for (const { document } of documents) {
      const { updatedAt, suggest, ...rest } = document;
      expect(document).toEqual(indexedBadgeClass(rest, FIXTURE_NOW));
      expect(updatedAt).toBe(FIXTURE_NOW.toISOString());
      expect(suggest).toEqual({ input: [document.name] });
    }
  });
});
