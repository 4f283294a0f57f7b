/** The trend of the chosen skills over the stored snapshots; admins can also take a snapshot now. */
import { request } from '../api';
import { messageOf } from '../errors';
import { RunSkillGapSnapshotDocument, SkillGapTrendDocument, type SkillGapTrendQuery } from '../graphql/generated';

export type TrendSeries = SkillGapTrendQuery['skillGapTrend'][number];

export class SkillGapTrendStore {
  series = $state<TrendSeries[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  snapshotting = $state(false);
  snapshotMessage = $state<string | null>(null);
  #lastKey = '';
  #run = 0;

  async run(region: string | null, skills: string[], { force = false } = {}): Promise<void> {
    const key = JSON.stringify([region, skills]);
    if (key === this.#lastKey && !force) return;
    this.#lastKey = key;
    const run = ++this.#run;
    if (skills.length === 0) {
      this.series = [];
      this.loading = false;
      this.error = null;
      return;
    }
    this.loading = true;
    this.error = null;
    try {
      const { skillGapTrend } = await request(SkillGapTrendDocument, { input: { skills, ...(region ? { region } : {}) } });
      if (run !== this.#run) return;
      // The API answers in its own order; keep the order the skills were added in.
      this.series = skills.map((id) => skillGapTrend.find((s) => s.skill.id === id)).filter((s): s is TrendSeries => s !== undefined);
    } catch (error) {
      if (run !== this.#run) return;
      this.error = messageOf(error);
      this.series = [];
      this.#lastKey = '';
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  /** Snapshot times across the series, oldest first. */
  get times(): string[] {
    return [...new Set(this.series.flatMap((s) => s.points.map((p) => p.takenAt)))].sort();
  }

  /** Admins: takes a snapshot now, then reads the trend again. */
  async takeSnapshot(region: string | null, skills: string[]): Promise<void> {
    this.snapshotting = true;
    this.snapshotMessage = null;
    try {
      const { runSkillGapSnapshot } = await request(RunSkillGapSnapshotDocument);
      this.snapshotMessage = runSkillGapSnapshot.status === 'OK' ? 'Snapshot taken.' : runSkillGapSnapshot.message;
      await this.run(region, skills, { force: true });
    } catch (error) {
      this.snapshotMessage = messageOf(error);
    } finally {
      this.snapshotting = false;
    }
  }
}
