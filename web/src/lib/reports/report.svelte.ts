/** The skill-gap report for the URL's filters: the latest request wins, an unchanged scope is not asked again. */
import { request } from '../api';
import { messageOf } from '../errors';
import { SkillGapReportDocument, type SkillGapReportQuery } from '../graphql/generated';
import { scopeKey, toSkillGapInput, type ReportQuery } from './report-query';

export type SkillGapReport = SkillGapReportQuery['skillGapReport'];
export type SkillGapRow = SkillGapReport['rows'][number];

export class SkillGapReportStore {
  report = $state<SkillGapReport | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  #controller: AbortController | null = null;
  #lastKey = '';

  async run(query: ReportQuery): Promise<void> {
    const key = scopeKey(query);
    if (key === this.#lastKey && (this.report || this.loading)) return;
    this.#lastKey = key;
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    this.loading = true;
    this.error = null;
    try {
      const { skillGapReport } = await request(SkillGapReportDocument, { input: toSkillGapInput(query) }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.report = skillGapReport;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.error = messageOf(error);
      this.report = null;
      this.#lastKey = '';
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }
}
