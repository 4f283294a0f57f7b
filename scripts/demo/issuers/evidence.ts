/**
 * What the demo's badges show beyond their class: an image per achievement
 * (an SVG as a data: URI, so it shows without any image host), and evidence
 * (with an assessment result on OB 3.0 badges) on about a third of badges.
 * Derived from the credential id alone, so the generator's random sequence
 * (and with it every other part of the data set) stays as it was. Pure.
 */
import { digest } from '../data/prng.ts';

const COLOURS = ['#1f5f8b', '#2e7d4f', '#8a4b0f', '#6a3d9a', '#9b2335', '#205c5c'];

/** A small round SVG with the achievement's initials, as a data: URI. */
export function badgeImageUri(issuerSlug: string, achievementName: string): string {
  const initials = achievementName
    .split(/\s+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w))
    .slice(0, 3)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  const colour = COLOURS[digest('image', issuerSlug).readUInt8(0) % COLOURS.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><circle cx="60" cy="60" r="56" fill="${colour}"/><circle cx="60" cy="60" r="46" fill="none" stroke="#fff" stroke-width="3"/><text x="60" y="71" font-family="sans-serif" font-size="30" font-weight="bold" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export interface DemoEvidence {
  id: string;
  name: string;
  narrative: string;
}

const WORK = [
  ['Capstone project report', 'Planned, carried out and documented a capstone project assessed against the badge criteria.'],
  ['Practical assessment', 'Completed a supervised practical assessment; the assessor’s checklist is linked.'],
  ['Portfolio piece', 'A piece of work from the earner’s portfolio that shows the skills this badge names.'],
  ['Workplace observation', 'Observed on the job by a qualified assessor over two shifts.'],
] as const;

/** Evidence of one badge, or none (about a third of badges carry some). */
export function demoEvidence(credentialId: string): DemoEvidence | null {
  const bytes = digest('evidence', credentialId);
  if (bytes.readUInt8(0) >= 85) return null;
  const [name, narrative] = WORK[bytes.readUInt8(1) % WORK.length]!;
  return { id: `https://portfolio.example/evidence/${bytes.subarray(2, 10).toString('hex')}`, name, narrative };
}

/** The assessment result an OB 3.0 badge with evidence reports (a percentage). */
export function demoResult(credentialId: string): string {
  return `${70 + (digest('result', credentialId).readUInt8(0) % 31)}%`;
}

/** The result description every OB 3.0 demo achievement declares (what `demoResult` values mean). */
export const RESULT_NAME = 'Final assessment score';
