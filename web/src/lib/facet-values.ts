/** Facet values as the panel lists them: the API's values, plus selected ones it did not return (count 0), first. */
import type { FacetValueView } from './skill-tree.svelte';

export function withSelected(
  values: readonly FacetValueView[],
  selected: readonly string[],
  labelOf: (value: string) => string,
): FacetValueView[] {
  const present = new Set(values.map((v) => v.value));
  const missing = selected.filter((value) => !present.has(value)).map((value) => ({ value, label: labelOf(value), count: 0 }));
  return [...missing, ...values];
}
