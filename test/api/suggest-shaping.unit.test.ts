/**
 * Typeahead response shaping, without an engine: skill suggestions from the
 * completion suggester (one per skill, qualified by the framework's short
 * name), badge and issuer suggestions from the privacy-filtered aggregation,
 * and the request that only counts badges employers may see.
 */
import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { describe, expect, it } from 'vitest';
import { directorySuggestRequest, readDirectorySuggestions, readSkillSuggestions, skillSuggestRequest } from '../../api/search/suggest.ts';

const response = (body: Partial<SearchResponse<unknown>>): SearchResponse<unknown> =>
  ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { hits: [] }, ...body }) as SearchResponse<unknown>;

describe('skill suggestions', () => {
  it('asks the completion suggester for the fields it shows only', () => {
    expect(skillSuggestRequest('weld', 8)).toEqual({
      size: 0,
      _source: { includes: ['id', 'label', 'framework'] },
      suggest: { skills: { prefix: 'weld', completion: { field: 'suggest', size: 8, skip_duplicates: true } } },
    });
  });

  it('gives each skill once, in the suggester order, with its framework short name', () => {
    const options = [
      { _source: { id: 'esco:abc', label: 'weld metal parts', framework: 'esco' } },
      { _source: { id: 'nice:PD-WRL-003', label: 'Incident Response', framework: 'nice' } },
      // The same skill again through an alternative label.
      { _source: { id: 'esco:abc', label: 'weld metal parts', framework: 'esco' } },
      { _source: { id: 'local:welding-safety', framework: 'local' } },
      { _source: { id: 'custom:x', label: 'From old data', framework: 'custom' } },
      { _source: {} },
    ];
    const shaped = readSkillSuggestions(response({ suggest: { skills: [{ text: 'w', offset: 0, length: 1, options }] } } as never));
    expect(shaped).toEqual([
      { type: 'SKILL', id: 'esco:abc', label: 'weld metal parts', detail: 'ESCO' },
      { type: 'SKILL', id: 'nice:PD-WRL-003', label: 'Incident Response', detail: 'NICE' },
      // No label: the id stands in.
      { type: 'SKILL', id: 'local:welding-safety', label: 'local:welding-safety', detail: 'Local' },
      // A framework outside the table is shown as it is.
      { type: 'SKILL', id: 'custom:x', label: 'From old data', detail: 'custom' },
    ]);
  });

  it('is empty when the engine suggests nothing', () => {
    expect(readSkillSuggestions(response({}))).toEqual([]);
  });
});

describe('badge and issuer suggestions', () => {
  it('counts only shown badges of recognized issuers, and only the types asked for', () => {
    const request = directorySuggestRequest('Wel', ['ISSUER'], 5);
    expect(request.size).toBe(0);
    expect(Object.keys(request.aggs!)).toEqual(['ISSUER']);
    const text = JSON.stringify(request.aggs);
    expect(text).toContain('"badges.issuerName":{"query":"Wel"');
    // The privacy filter: the badge is visible, and its issuer recognized.
    expect(text).toContain('"badges.visible":true');
    expect(text).toContain('"badges.issuerRecognition":"RECOGNIZED"');
    expect(Object.keys(directorySuggestRequest('Wel', ['BADGE', 'ISSUER'], 5).aggs!)).toEqual(['BADGE', 'ISSUER']);
  });

  it('reads the name, the issuer of a badge and how many earners show it', () => {
    const shaped = readDirectorySuggestions(
      response({
        aggregations: {
          BADGE: {
            shown: {
              values: {
                buckets: [
                  {
                    key: 'bc-1',
                    earners: { doc_count: 12 },
                    names: { buckets: [{ key: 'Welding I' }] },
                    details: { buckets: [{ key: 'Ohio Tech' }] },
                  },
                  // A bucket without a name or issuer: the id stands in, no detail.
                  { key: 'bc-2', earners: { doc_count: 3 }, names: { buckets: [] }, details: { buckets: [] } },
                ],
              },
            },
          },
        } as never,
      }),
      'BADGE',
    );
    expect(shaped).toEqual([
      { type: 'BADGE', id: 'bc-1', label: 'Welding I', earnerCount: 12, detail: 'Ohio Tech' },
      { type: 'BADGE', id: 'bc-2', label: 'bc-2', earnerCount: 3 },
    ]);
    expect(readDirectorySuggestions(response({}), 'ISSUER')).toEqual([]);
  });
});
