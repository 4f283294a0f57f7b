/**
 * "Preview as an employer": the signed-in earner's profile exactly as an
 * employer's request gets it. Listed earners are read through the employers'
 * own loader (the privacy-checked directory request); an earner who is not
 * listed is not searchable, so their document is built as it would be once
 * listed (the indexer's rule, `buildEarnerDocument`) and read through the
 * same allow-lists in memory (`directoryHitOf`).
 */
import { defaultDirectorySettings } from '../../mappings/directory-settings.ts';
import { buildEarnerDocument } from '../../mappings/earner-document.ts';
import type { Loaders } from '../loaders.ts';
import type { Platform } from '../platform.ts';
import { earnerView, type EarnerView } from '../search/earner-view.ts';
import { directoryHitOf } from '../search/privacy.ts';
import { requireEarner } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';

export interface EmployerPreview {
  /** Employers can find the earner now. */
  listed: boolean;
  /** What employers see (or would see once listed); null before any badge is indexed. */
  earner: EarnerView | null;
}

export interface PreviewServiceDependencies {
  platform: Platform;
  loaders: Loaders;
  viewer: Viewer;
  now: () => Date;
}

export function createPreviewService({ platform, loaders, viewer, now }: PreviewServiceDependencies) {
  return {
    async myEmployerPreview(): Promise<EmployerPreview> {
      const earnerId = requireEarner(viewer);
      const settings = (await platform.records.settings(earnerId)) ?? defaultDirectorySettings(earnerId, now());
      if (settings.listed) return { listed: true, earner: await loaders.earner.load(earnerId) };
      const credentials = await platform.records.credentialsOf(earnerId);
      if (credentials.length === 0) return { listed: false, earner: null };
      const [skills, pathways] = await Promise.all([
        platform.records.skillLookup(credentials.flatMap((c) => c.skills)),
        platform.records.pathways(),
      ]);
      const document = buildEarnerDocument({
        earnerId,
        credentials,
        settings: { ...settings, listed: true },
        skills,
        pathways,
        now: now(),
      });
      return { listed: false, earner: document ? earnerView(directoryHitOf(document)) : null };
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
