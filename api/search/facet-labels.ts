/**
 * Labels of refinement candidates counted without the nested badges (an
 * ALL-mode search in the default scope): a badge-field label (the badge's
 * name, its issuer's name) is read from the public badge-classes index by
 * value, in the same round trip as the first exact counts. A value the index
 * does not know is labelled with itself.
 */
import type { SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { Refinement } from './facet-refinement.ts';

type LabelCatalog = { valueField: string; labelField: string };

function catalogOf(refinement: Refinement): LabelCatalog | undefined {
  const { label } = refinement.plan.facet;
  return label.from === 'badge-field' ? label.catalog : undefined;
}

/** True when some candidate still needs a label the badge-classes index holds. */
export function needsLabels(refinement: Refinement): boolean {
  return catalogOf(refinement) !== undefined && refinement.remaining.some((c) => c.label === undefined);
}

/** The badge-classes search that labels every unlabelled candidate of one refinement. */
export function labelRequest(refinement: Refinement): Omit<SearchRequest, 'index'> {
  const catalog = catalogOf(refinement);
  if (!catalog) throw new Error(`facet ${refinement.plan.facet.id} has no catalog labels`);
  const values = [...new Set(refinement.remaining.filter((c) => c.label === undefined).map((c) => c.value))];
  return {
    size: 0,
    track_total_hits: false,
    query: { terms: { [catalog.valueField]: values } },
    aggs: {
      values: {
        terms: { field: catalog.valueField, size: Math.max(values.length, 1) },
        // The most common label of the value (an issuer names itself the same way on each of its badge classes).
        aggs: { label: { terms: { field: catalog.labelField, size: 1 } } },
      },
    },
  };
}

/** The refinement with its candidates labelled from the answer to `labelRequest`. */
export function applyLabels(refinement: Refinement, response: SearchResponse<unknown>): Refinement {
  const buckets =
    (response.aggregations?.values as { buckets?: { key: string; label: { buckets: { key: string }[] } }[] } | undefined)?.buckets ?? [];
  const labels = new Map(buckets.map((b) => [String(b.key), b.label.buckets[0]?.key]));
  return {
    ...refinement,
    remaining: refinement.remaining.map((c) => (c.label === undefined ? { ...c, label: labels.get(c.value) ?? c.value } : c)),
  };
}
