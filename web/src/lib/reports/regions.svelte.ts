/**
 * The regions the report can be narrowed to: those the directory has
 * earners in (postings come from the same regions), most earners first,
 * with their names.
 */
import { US_REGIONS } from '../../../../mappings/regions';
import { request } from '../api';
import { messageOf } from '../errors';
import { ReportRegionsDocument } from '../graphql/generated';

export interface RegionOption {
  code: string;
  name: string;
}

/** "Ohio" for US-OH; the code itself when the name is unknown. The names come from the shared region list the API checks against. */
export function regionName(code: string): string {
  return US_REGIONS[code] ?? code;
}

export class ReportRegionsStore {
  /** Most earners first. */
  regions = $state<RegionOption[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    if (this.loaded || this.loading) return;
    this.loading = true;
    this.error = null;
    try {
      const { searchEarners } = await request(ReportRegionsDocument);
      this.regions = [...searchEarners.facets.regions]
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .map((r) => ({ code: r.value, name: regionName(r.value) }));
      this.loaded = true;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  /** The choices for the region filter, alphabetical, including a region from a shared link that the list lacks. */
  optionsWith(selected: string | null): RegionOption[] {
    const options = [...this.regions];
    if (selected && !options.some((r) => r.code === selected)) options.push({ code: selected, name: regionName(selected) });
    return options.sort((a, b) => a.name.localeCompare(b.name));
  }
}
