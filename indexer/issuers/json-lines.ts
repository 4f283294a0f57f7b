/**
 * Line numbers of the members of one top-level container in a JSON text
 * (`"issuers": [ ... ]` elements, `"registry": { ... }` keys), so a registry
 * file's problems can be reported where an editor shows them. Pure; the text
 * must already parse as JSON.
 */
export function memberLines(text: string, containerKey: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey: string | undefined;
  let inContainer = false;
  let expectMember = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (/\s/.test(ch)) continue;
    // The first token after `[`/`,` (arrays) or `{`/`,` (objects) inside the container starts a member.
    if (inContainer && depth === 2 && expectMember && ch !== ']' && ch !== '}') {
      lines.push(line);
      expectMember = false;
    }
    if (ch === '"') {
      inString = true;
      stringStart = i;
    } else if (ch === '{' || ch === '[') {
      depth++;
      if (depth === 2 && lastKey === containerKey) {
        inContainer = true;
        expectMember = true;
      }
    } else if (ch === '}' || ch === ']') {
      if (depth === 2) inContainer = false;
      depth--;
    } else if (ch === ',' && inContainer && depth === 2) {
      expectMember = true;
    } else if (ch === ':' && depth === 1) {
      // `lastKey` now names the top-level value that follows.
    }
  }
  return lines;
}
