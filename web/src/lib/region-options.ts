/** The places an earner can choose as their region: the shared list the API checks against, by name. */
import { US_REGIONS } from '../../../mappings/regions';

export interface RegionOption {
  code: string;
  name: string;
}

export const REGION_OPTIONS: readonly RegionOption[] = Object.entries(US_REGIONS)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name));
