/**
 * Regions side by side (postings and verified earners per 10,000 residents)
 * and the employers and job titles behind one skill's demand, for the
 * report's occupation and window: the latest request wins, an unchanged
 * scope is not asked again.
 */
import { request } from '../api';
import { messageOf } from '../errors';
import {
  DemandBreakdownDocument,
  RegionComparisonDocument,
  type DemandBreakdownQuery,
  type RegionComparisonQuery,
} from '../graphql/generated';
import type { ReportQuery } from './report-query';

export type RegionComparison = RegionComparisonQuery['regionComparison'];
export type DemandBreakdown = DemandBreakdownQuery['demandBreakdown'];

/** One request at a time per store; an answer to an older scope is dropped. */
class Latest<T> {
  value = $state<T | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  #key = '';
  #run = 0;

  async load(key: string, fetch: () => Promise<T>): Promise<void> {
    if (key === this.#key && (this.value || this.loading)) return;
    this.#key = key;
    const run = ++this.#run;
    this.loading = true;
    this.error = null;
    try {
      const value = await fetch();
      if (run === this.#run) this.value = value;
    } catch (error) {
      if (run !== this.#run) return;
      this.error = messageOf(error);
      this.value = null;
      this.#key = '';
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }
}

export class RegionComparisonStore extends Latest<RegionComparison> {
  run(query: ReportQuery, skill: string | null): Promise<void> {
    const input = { skill, occupation: query.occupation, postedWithinMonths: query.months };
    return this.load(JSON.stringify(input), async () => (await request(RegionComparisonDocument, { input })).regionComparison);
  }
}

export class DemandBreakdownStore extends Latest<DemandBreakdown> {
  run(query: ReportQuery, skill: string): Promise<void> {
    const input = { skill, region: query.region, occupation: query.occupation, postedWithinMonths: query.months, first: 10 };
    return this.load(JSON.stringify(input), async () => (await request(DemandBreakdownDocument, { input })).demandBreakdown);
  }
}
