import { describe, expect, it } from 'vitest';
import { loadOccupationProfiles, loadTaxonomy } from '../../../indexer/taxonomy/load.ts';

const profiles = loadOccupationProfiles();
const taxonomy = loadTaxonomy();

describe('occupation skill profiles', () => {
  it('has a profile for most O*NET occupations, each pointing at real entries', () => {
    expect(profiles.size).toBeGreaterThan(850);
    const problems: string[] = [];
    for (const p of profiles.values()) {
      if (taxonomy.byId.get(p.occupationId)?.label !== p.title) problems.push(`${p.soc}: title`);
      for (const s of p.skills) {
        const kind = taxonomy.byId.get(s.skillId)?.kind;
        if (kind !== 'skill' && kind !== 'knowledge') problems.push(`${p.soc}: ${s.skillId} is ${String(kind)}`);
        if (!(s.importance >= 1 && s.importance <= 5)) problems.push(`${p.soc}: ${s.skillId} importance ${s.importance}`);
      }
      for (const t of p.technologies) {
        if (taxonomy.byId.get(t.skillId)?.kind !== 'technology') problems.push(`${p.soc}: ${t.skillId} is not a technology`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists the real importance ratings of Computer Programmers (15-1251.00), most important first', () => {
    const p = profiles.get('15-1251.00')!;
    expect(p.title).toBe('Computer Programmers');
    // Skills.txt / Knowledge.txt, scale IM: Programming 4.75, Critical Thinking 3.75, Computers and Electronics 4.87.
    expect(p.skills).toContainEqual({ skillId: 'onet:2.B.3.e', importance: 4.75 });
    expect(p.skills).toContainEqual({ skillId: 'onet:2.A.2.a', importance: 3.75 });
    expect(p.skills[0]).toEqual({ skillId: 'onet:2.C.3.a', importance: 4.87 });
    expect(p.skills).toHaveLength(35 + 33);
    const importances = p.skills.map((s) => s.importance);
    expect(importances).toEqual([...importances].sort((a, b) => b - a));
  });

  it('lists the technologies of Software Developers (15-1252.00), which O*NET 29.2 rates no skills for', () => {
    const p = profiles.get('15-1252.00')!;
    expect(p.title).toBe('Software Developers');
    expect(p.skills).toEqual([]);
    // Technology Skills.txt: Python, Git and Oracle Java are hot and in demand for 15-1252.00.
    for (const id of ['onet:tech:python', 'onet:tech:git', 'onet:tech:oracle-java']) {
      expect(p.technologies).toContainEqual({ skillId: id, hot: true, inDemand: true });
    }
  });

  it('rates Information Security Analysts (15-1212.00) on skills and knowledge', () => {
    const p = profiles.get('15-1212.00')!;
    expect(p.skills.some((s) => s.skillId.startsWith('onet:2.A'))).toBe(true);
    expect(p.skills.some((s) => s.skillId.startsWith('onet:2.C'))).toBe(true);
    expect(p.skills.find((s) => s.skillId === 'onet:2.C.3.a')!.importance).toBeGreaterThan(4);
  });
});
