/**
 * The pure query builder (Searchkit's transformRequest): the engine request
 * built for representative inputs, as inline snapshots, so any change to what
 * the engine is asked shows up as a reviewed diff. No engine needed.
 */
import { describe, expect, it } from 'vitest';
import { parseSearchInput, type EarnerSearchArgs } from '../../api/search/input.ts';
import { buildSearchRequest } from '../../api/search/request.ts';
import { encodeCursor } from '../../api/search/cursor.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const build = (args: EarnerSearchArgs) => buildSearchRequest(parseSearchInput(args), { now: NOW });
/** The hits request (the facet counts go in `counts`, see below). */
const body = (args: EarnerSearchArgs) => build(args).hits as unknown as Record<string, unknown>;
const countsBody = (args: EarnerSearchArgs) => build(args).counts as unknown as Record<string, unknown>;

describe('buildSearchRequest(parseSearchInput(...))', () => {
  it('every request is limited to listed earners and asks for their public fields only', () => {
    for (const args of [{}, { text: 'welding' }, { skills: ['esco:S5.5'], skillsMode: 'ALL' as const }]) {
      for (const json of [JSON.stringify(body(args)), JSON.stringify(countsBody(args))]) {
        expect(json).toContain('"directory.listed":true');
        expect(json).not.toContain('identities');
      }
    }
  });

  it('an empty search: verified badges of recognized issuers, by relevance then earner id, a page of 20 (+1 to see a next page)', () => {
    const b = body({});
    expect(b.size).toBe(21);
    expect(b.track_total_hits).toBe(true);
    expect(b.query).toMatchInlineSnapshot(`
      {
        "bool": {
          "filter": [
            {
              "term": {
                "directory.listed": true,
              },
            },
          ],
          "must": [
            {
              "bool": {
                "filter": [],
              },
            },
          ],
          "should": [
            {
              "nested": {
                "boost": 0,
                "inner_hits": {
                  "_source": {
                    "includes": [
                      "badges.credentialId",
                      "badges.badgeClassId",
                      "badges.name",
                      "badges.description",
                      "badges.criteria",
                      "badges.image",
                      "badges.credentialType",
                      "badges.issuerId",
                      "badges.issuerName",
                      "badges.issuerRecognition",
                      "badges.registryIssuerId",
                      "badges.issuedOn",
                      "badges.expiresOn",
                      "badges.verification",
                      "badges.skills",
                      "badges.skillsExpanded",
                      "badges.unmappedSkills",
                      "badges.frameworks",
                      "badges.evidence",
                    ],
                  },
                  "name": "shown_badges",
                  "size": 100,
                  "sort": [
                    {
                      "badges.issuedOn": "desc",
                    },
                  ],
                },
                "path": "badges",
                "query": {
                  "bool": {
                    "filter": [
                      {
                        "term": {
                          "badges.visible": true,
                        },
                      },
                    ],
                    "minimum_should_match": 1,
                    "should": [
                      {
                        "term": {
                          "badges.verification.status": "VERIFIED",
                        },
                      },
                      {
                        "term": {
                          "badges.verification.reasons": "EXPIRED",
                        },
                      },
                    ],
                  },
                },
                "score_mode": "none",
              },
            },
          ],
        },
      }
    `);
    expect(b.post_filter).toMatchInlineSnapshot(`
      {
        "bool": {
          "filter": [
            {
              "exists": {
                "field": "public.recognizedVerified.badgeClasses",
              },
            },
          ],
        },
      }
    `);
    expect(b.sort).toMatchInlineSnapshot(`
      [
        {
          "_score": {
            "order": "desc",
          },
        },
        {
          "earnerId": "asc",
        },
      ]
    `);
  });

  it('text with skills (ALL) and a region: text in the query, facet selections in post_filter, highlights on', () => {
    const b = body({ text: 'advanced welding', skills: ['esco:S5.5', 'onet:2.B.3.e'], skillsMode: 'ALL', regions: ['US-OH'] });
    expect(b.query).toMatchInlineSnapshot(`
      {
        "bool": {
          "filter": [
            {
              "term": {
                "directory.listed": true,
              },
            },
          ],
          "must": [
            {
              "bool": {
                "filter": [],
                "must": [
                  {
                    "bool": {
                      "must": [
                        {
                          "multi_match": {
                            "analyzer": "standard",
                            "fields": [
                              "name^4",
                              "headline^2",
                              "public.text",
                            ],
                            "operator": "and",
                            "query": "advanced welding",
                            "type": "cross_fields",
                          },
                        },
                      ],
                      "should": [
                        {
                          "match_phrase": {
                            "name": {
                              "boost": 3,
                              "query": "advanced welding",
                            },
                          },
                        },
                        {
                          "match_phrase": {
                            "public.text": {
                              "boost": 2,
                              "query": "advanced welding",
                            },
                          },
                        },
                      ],
                    },
                  },
                ],
              },
            },
          ],
          "should": [
            {
              "nested": {
                "boost": 0,
                "inner_hits": {
                  "_source": {
                    "includes": [
                      "badges.credentialId",
                      "badges.badgeClassId",
                      "badges.name",
                      "badges.description",
                      "badges.criteria",
                      "badges.image",
                      "badges.credentialType",
                      "badges.issuerId",
                      "badges.issuerName",
                      "badges.issuerRecognition",
                      "badges.registryIssuerId",
                      "badges.issuedOn",
                      "badges.expiresOn",
                      "badges.verification",
                      "badges.skills",
                      "badges.skillsExpanded",
                      "badges.unmappedSkills",
                      "badges.frameworks",
                      "badges.evidence",
                    ],
                  },
                  "name": "shown_badges",
                  "size": 100,
                  "sort": [
                    {
                      "badges.issuedOn": "desc",
                    },
                  ],
                },
                "path": "badges",
                "query": {
                  "bool": {
                    "filter": [
                      {
                        "term": {
                          "badges.visible": true,
                        },
                      },
                    ],
                    "minimum_should_match": 1,
                    "should": [
                      {
                        "term": {
                          "badges.verification.status": "VERIFIED",
                        },
                      },
                      {
                        "term": {
                          "badges.verification.reasons": "EXPIRED",
                        },
                      },
                    ],
                  },
                },
                "score_mode": "none",
              },
            },
          ],
        },
      }
    `);
    expect(b.post_filter).toMatchInlineSnapshot(`
      {
        "bool": {
          "filter": [
            {
              "terms": {
                "location.region": [
                  "US-OH",
                ],
              },
            },
            {
              "terms": {
                "public.recognizedVerified.skills": [
                  "esco:S5.5",
                ],
              },
            },
            {
              "terms": {
                "public.recognizedVerified.skills": [
                  "onet:2.B.3.e",
                ],
              },
            },
          ],
        },
      }
    `);
    expect(b.highlight).toBeDefined();
  });

  it('near, expired badges and unknown issuers: a geo filter on the coarse point, both statuses and standings', () => {
    const b = body({
      near: { lat: 41.5, lon: -81.7, radiusKm: 25 },
      verification: ['VERIFIED', 'EXPIRED'],
      issuerRecognition: ['RECOGNIZED', 'UNKNOWN'],
    });
    expect(b.query).toMatchInlineSnapshot(`
      {
        "bool": {
          "filter": [
            {
              "term": {
                "directory.listed": true,
              },
            },
          ],
          "must": [
            {
              "bool": {
                "filter": [
                  {
                    "geo_distance": {
                      "distance": "25km",
                      "location.geo": {
                        "lat": 41.5,
                        "lon": -81.7,
                      },
                    },
                  },
                ],
              },
            },
          ],
          "should": [
            {
              "nested": {
                "boost": 0,
                "inner_hits": {
                  "_source": {
                    "includes": [
                      "badges.credentialId",
                      "badges.badgeClassId",
                      "badges.name",
                      "badges.description",
                      "badges.criteria",
                      "badges.image",
                      "badges.credentialType",
                      "badges.issuerId",
                      "badges.issuerName",
                      "badges.issuerRecognition",
                      "badges.registryIssuerId",
                      "badges.issuedOn",
                      "badges.expiresOn",
                      "badges.verification",
                      "badges.skills",
                      "badges.skillsExpanded",
                      "badges.unmappedSkills",
                      "badges.frameworks",
                      "badges.evidence",
                    ],
                  },
                  "name": "shown_badges",
                  "size": 100,
                  "sort": [
                    {
                      "badges.issuedOn": "desc",
                    },
                  ],
                },
                "path": "badges",
                "query": {
                  "bool": {
                    "filter": [
                      {
                        "term": {
                          "badges.visible": true,
                        },
                      },
                    ],
                    "minimum_should_match": 1,
                    "should": [
                      {
                        "term": {
                          "badges.verification.status": "VERIFIED",
                        },
                      },
                      {
                        "term": {
                          "badges.verification.reasons": "EXPIRED",
                        },
                      },
                    ],
                  },
                },
                "score_mode": "none",
              },
            },
          ],
        },
      }
    `);
    expect(b.post_filter).toMatchInlineSnapshot(`
      {
        "bool": {
          "filter": [
            {
              "nested": {
                "path": "badges",
                "query": {
                  "bool": {
                    "filter": [
                      {
                        "bool": {
                          "filter": [
                            {
                              "term": {
                                "badges.visible": true,
                              },
                            },
                          ],
                          "minimum_should_match": 1,
                          "should": [
                            {
                              "term": {
                                "badges.verification.status": "VERIFIED",
                              },
                            },
                            {
                              "term": {
                                "badges.verification.reasons": "EXPIRED",
                              },
                            },
                          ],
                        },
                      },
                      {
                        "bool": {
                          "minimum_should_match": 1,
                          "should": [
                            {
                              "term": {
                                "badges.verification.status": "VERIFIED",
                              },
                            },
                            {
                              "bool": {
                                "filter": [
                                  {
                                    "term": {
                                      "badges.verification.status": "FAILED",
                                    },
                                  },
                                  {
                                    "term": {
                                      "badges.verification.reasons": "EXPIRED",
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        "terms": {
                          "badges.issuerRecognition": [
                            "RECOGNIZED",
                            "UNKNOWN",
                          ],
                        },
                      },
                    ],
                  },
                },
                "score_mode": "none",
              },
            },
          ],
        },
      }
    `);
  });

  it('plans one facet per facet field, each with its own aggregation', () => {
    const plan = build({ badges: ['https://badges.example/welding'] });
    expect(plan.facets.map((f) => [f.facet.id, f.exact])).toMatchInlineSnapshot(`
      [
        [
          "badges",
          true,
        ],
        [
          "skills",
          true,
        ],
        [
          "issuers",
          true,
        ],
        [
          "frameworks",
          true,
        ],
        [
          "regions",
          true,
        ],
        [
          "credentialTypes",
          true,
        ],
        [
          "issued",
          true,
        ],
        [
          "pathways",
          true,
        ],
      ]
    `);
    const aggs = (plan.counts as { aggs?: Record<string, { aggs: Record<string, unknown> }> }).aggs ?? {};
    for (const { facet, path } of plan.facets) {
      const group = aggs[path!.group]!;
      expect(group, facet.id).toBeDefined();
      if (path!.nested) expect(JSON.stringify(group.aggs[path!.nested]), facet.id).toContain(`"values_${facet.id}"`);
      else expect(group.aggs[`values_${facet.id}`], facet.id).toBeDefined();
    }
  });

  it('facets under the same filter and badge clause share one filter and one nested join', () => {
    const plan = build({ skills: ['esco:S5.5'], regions: ['US-OH'] });
    const where = Object.fromEntries(plan.facets.map((f) => [f.facet.id, `${f.path!.group}/${f.path!.nested ?? ''}`]));
    // Badges, issuers, frameworks, credential types and issue dates all count badges holding the skill: one join.
    expect(new Set([where.badges, where.issuers, where.frameworks, where.credentialTypes, where.issued]).size).toBe(1);
    expect(where.badges).toMatch(/\/badges_/);
    // Skills (its own selection left out) and regions differ in their filters.
    expect(where.skills).not.toBe(where.badges);
    expect(where.regions).not.toBe(where.badges);
    const json = JSON.stringify(plan.counts);
    expect(json.match(/"reverse_nested"/g)?.length).toBe(5);
    expect(json.match(/"nested":\{"path":"badges"\}/g)?.length).toBe(1);
  });

  it('counts and filters on the flat default-scope fields only where no same-badge check is needed', () => {
    const nestedPaths = (value: unknown) => (JSON.stringify(value).match(/"path":"badges"/g) ?? []).length;
    const flatFacets = (args: EarnerSearchArgs) =>
      build(args)
        .facets.filter((f) => f.flat)
        .map((f) => f.facet.id);
    // No badge selection: every badge facet without a badge-field label is flat; badges and issuers keep their labels through the nested badges.
    expect(flatFacets({})).toEqual(['skills', 'frameworks', 'credentialTypes', 'issued']);
    expect(nestedPaths((body({}) as { post_filter: unknown }).post_filter)).toBe(0);
    // One skill selected: only its own facet is flat (the others must count badges holding the skill AND their value).
    expect(flatFacets({ skills: ['esco:S5.5'] })).toEqual(['skills']);
    expect(nestedPaths((body({ skills: ['esco:S5.5'] }) as { post_filter: unknown }).post_filter)).toBe(0);
    // A skill and an issuer must hold within one badge: the filter stays nested.
    expect(nestedPaths((body({ skills: ['esco:S5.5'], issuers: ['did:web:a.example'] }) as { post_filter: unknown }).post_filter)).toBe(1);
    // Outside the default scope (expired badges, unknown issuers) the flat fields do not apply.
    expect(flatFacets({ verification: ['VERIFIED', 'EXPIRED'] })).toEqual([]);
    expect(flatFacets({ issuerRecognition: ['RECOGNIZED', 'UNKNOWN'] })).toEqual([]);
  });

  it('an ALL list in the default scope collects refinement candidates on the flat fields: no nested join in the first pass', () => {
    const all = { skills: ['esco:S5.5', 'esco:S1.0'], skillsMode: 'ALL' as const };
    const plan = build(all);
    const candidates = plan.facets.filter((f) => !f.exact).map((f) => f.facet.id);
    // Every badge facet but skills (its own list left out) must hold with each skill: counted exactly later, from candidates.
    expect(candidates).toEqual(['badges', 'issuers', 'frameworks', 'credentialTypes', 'issued']);
    expect(plan.facets.filter((f) => !f.exact).every((f) => f.flat)).toBe(true);
    // (The hits' shown badges stay an inner_hits of the query: the floor has them too.)
    expect(JSON.stringify((plan.counts as unknown as { aggs: unknown }).aggs)).not.toMatch(/"path":"badges"|reverse_nested/);
    // Outside the default scope the candidates stay nested.
    expect(build({ ...all, verification: ['VERIFIED', 'EXPIRED'] }).facets.some((f) => f.flat)).toBe(false);
  });
  it('sends the hits and the facet counts as two requests; the counts one is the same all day, so the engine can cache it', () => {
    const args = {
      text: 'welding',
      skills: ['esco:S5.5', 'onet:2.B.3.e'],
      skillsMode: 'ALL' as const,
      regions: ['US-OH'],
      issuedWithinMonths: 6,
    };
    const morning = buildSearchRequest(parseSearchInput(args), { now: new Date('2026-06-01T08:00:00Z') });
    const evening = buildSearchRequest(parseSearchInput(args), { now: new Date('2026-06-01T23:59:59Z') });
    const nextDay = buildSearchRequest(parseSearchInput(args), { now: new Date('2026-06-02T00:00:01Z') });
    const counts = morning.counts as unknown as Record<string, unknown>;
    // Counts only: no hits, no hit-only parts (selections, highlights, shown badges), nothing of the page.
    expect(counts).toMatchObject({ size: 0, track_total_hits: false, _source: false });
    expect(Object.keys(counts).sort()).toEqual(['__directory', '_source', 'aggs', 'query', 'size', 'track_total_hits']);
    expect(JSON.stringify(counts)).not.toMatch(/inner_hits|highlight|post_filter/);
    // The hits carry no aggregations; a later page changes the hits only.
    expect(morning.hits).not.toHaveProperty('aggs');
    const page2 = buildSearchRequest(parseSearchInput({ ...args, after: encodeCursor('RELEVANCE', [1.5, 'earner-1']) }), {
      now: new Date('2026-06-01T08:00:00Z'),
    });
    expect(JSON.stringify(page2.counts)).toBe(JSON.stringify(morning.counts));
    // No clock finer than a day: the same search is the same request all day, and another the next day.
    expect(JSON.stringify(evening.counts)).toBe(JSON.stringify(morning.counts));
    expect(JSON.stringify(nextDay.counts)).not.toBe(JSON.stringify(morning.counts));
  });
});
