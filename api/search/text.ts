/**
 * Full-text matching over what employers may read: the name, the headline,
 * and `public.text` (names of shown badges and labels of their skills).
 * Every word must appear in some field; a name match weighs most.
 */
import type { SearchHighlightField, QueryDslQueryContainer, SearchHighlight } from '@elastic/elasticsearch/lib/api/types';

const FIELDS = ['name^4', 'headline^2', 'public.text'];
/** Badge labels of unknown or suspended issuers: matched only when the search counts such badges. */
const UNRECOGNIZED_FIELD = 'public.textUnrecognized';

export function textQuery(text: string, options: { unrecognized?: boolean } = {}): QueryDslQueryContainer {
  const fields = options.unrecognized ? [...FIELDS, UNRECOGNIZED_FIELD] : FIELDS;
  return {
    bool: {
      // The explicit analyzer puts every field in one cross-field group: without it the engine groups `name`
      // (default analyzer) apart from the others (named `standard`), and "Samuel Murphy welding" needs all words in one group.
      must: [{ multi_match: { query: text, type: 'cross_fields', analyzer: 'standard', operator: 'and', fields } }],
      // Words in the written order rank above the same words scattered.
      should: [{ match_phrase: { name: { query: text, boost: 3 } } }, { match_phrase: { 'public.text': { query: text, boost: 2 } } }],
    },
  };
}

const fragment: SearchHighlightField = { fragment_size: 120, number_of_fragments: 3 };

export const TEXT_HIGHLIGHT: SearchHighlight = {
  pre_tags: ['<mark>'],
  post_tags: ['</mark>'],
  encoder: 'html',
  fields: { name: { number_of_fragments: 0 }, headline: fragment, 'public.text': fragment },
};
