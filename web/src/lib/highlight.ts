/**
 * Search highlights arrive as HTML fragments (the engine escapes the text and
 * wraps matches in <mark>). They are rendered as text plus <mark> elements,
 * never as HTML, so nothing in a badge name or headline can become markup.
 */
export interface HighlightSegment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
  '&#x2F;': '/',
};

const decode = (html: string): string => html.replace(/&(?:amp|lt|gt|quot|#x27|#39|#x2F);/g, (entity) => ENTITIES[entity] ?? entity);

/** A highlight fragment as plain-text segments, marked where the engine put <mark>. */
export function highlightSegments(fragment: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let marked = false;
  for (const part of fragment.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') marked = part === '<mark>';
    else if (part) segments.push({ text: decode(part), marked });
  }
  return segments;
}
