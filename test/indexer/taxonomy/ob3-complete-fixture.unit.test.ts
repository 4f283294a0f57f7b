/**
 * The 1EdTech OB 3.0 `complete.json` fixture carries real alignments. They
 * point at a fictional university catalog and the Credential Engine
 * registry, none of which is a framework the directory knows, so every one
 * must come out unmapped with its fields intact.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../../indexer/taxonomy/load.ts';
import { normalizeAlignment, normalizeSkills } from '../../../indexer/taxonomy/normalize.ts';
import type { AlignmentInput } from '../../../indexer/taxonomy/types.ts';
import { CREDENTIAL_FIXTURES } from './paths.ts';

interface Credential {
  credentialSubject: {
    achievement: {
      alignment: AlignmentInput[];
      resultDescription: { alignment?: AlignmentInput[]; rubricCriterionLevel?: { alignment?: AlignmentInput[] }[] }[];
    };
    result: { alignment?: AlignmentInput[] }[];
  };
}

const credential = JSON.parse(readFileSync(resolve(CREDENTIAL_FIXTURES, 'ob30/complete.json'), 'utf8')) as Credential;
const taxonomy = loadTaxonomy();
const CATALOG = '1EdTech University Program and Course Catalog';

describe('alignments of ob30/complete.json', () => {
  it('leaves both achievement alignments unmapped, keeping their fields', () => {
    const result = normalizeSkills(taxonomy, { alignments: credential.credentialSubject.achievement.alignment });
    expect(result.skillIds).toEqual([]);
    expect(result.unmapped).toEqual([
      {
        source: 'alignment',
        targetName: '1EdTech University Degree',
        targetUrl: 'https://1edtech.edu/catalog/degree',
        targetFramework: CATALOG,
        targetCode: 'degree',
        targetType: 'CFItem',
        targetDescription: '1EdTech University Degree programs.',
      },
      {
        source: 'alignment',
        targetName: '1EdTech University Degree',
        targetUrl: 'https://credentialengineregistry.org/resources/ce-98cb027b-95ef-4494-908d-6f7790ec6b6b',
        targetFramework: CATALOG,
        targetCode: 'degree',
        targetType: 'CTDL',
        targetDescription: '1EdTech University Degree programs.',
      },
    ]);
  });

  it('leaves the result and rubric alignments ("Final Project") unmapped too', () => {
    const subject = credential.credentialSubject;
    const nested = [
      ...subject.achievement.resultDescription.flatMap((d) => [
        ...(d.alignment ?? []),
        ...(d.rubricCriterionLevel ?? []).flatMap((l) => l.alignment ?? []),
      ]),
      ...subject.result.flatMap((r) => r.alignment ?? []),
    ];
    expect(nested).toHaveLength(6);
    for (const alignment of nested) {
      const result = normalizeAlignment(taxonomy, alignment);
      expect(result.skillIds).toEqual([]);
      expect(result.unmapped).toEqual([
        expect.objectContaining({
          source: 'alignment',
          targetName: 'Final Project',
          targetCode: 'project',
          targetFramework: CATALOG,
          targetUrl: alignment.targetUrl,
        }),
      ]);
    }
  });
});
