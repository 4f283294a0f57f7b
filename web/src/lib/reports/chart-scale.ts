/** Axis helpers for the hand-drawn SVG charts: a rounded maximum and evenly spaced ticks. Pure. */

/** The smallest "nice" whole number (1, 2, 2.5, 5 times a power of ten) at or above `value`; at least 1. */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value && Number.isInteger(step * power)) return step * power;
  return 10 * power;
}

/** Ticks from 0 to a whole `max`: 2 to 6 of them, on whole numbers (counts have no fractions). */
export function ticks(max: number): number[] {
  const parts = [4, 5, 3, 2, 1].find((n) => Number.isInteger(max / n)) ?? 1;
  return Array.from({ length: parts + 1 }, (_, i) => (i * max) / parts);
}

/** Ticks for a ratio axis: four even steps, one decimal. */
export function ratioTicks(max: number): number[] {
  return Array.from({ length: 5 }, (_, i) => Math.round(((i * max) / 4) * 10) / 10);
}

/** Maps `value` in [0, max] onto [0, length]. */
export function scale(value: number, max: number, length: number): number {
  return max > 0 ? (value / max) * length : 0;
}

/** Shortens a label to `max` characters with an ellipsis (the full label stays in the table and a tooltip). */
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** A label broken into lines of at most `max` characters at spaces (a long word is cut), so nothing is cut off on a phone. */
export function wrapLabel(label: string, max: number, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > max ? shorten(word, max) : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), shorten(lines.slice(maxLines - 1).join(' '), max)];
}
