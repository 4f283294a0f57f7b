/**
 * Shapes of the demo catalog: the fictional issuers, what they issue and how.
 * The catalog itself (`catalog.ts`) is plain data in these shapes.
 */

/** How an issuer secures its credentials: each maps onto one verification method of the indexer. */
export type IssuingMethod = 'ob3-eddsa-rdfc-2022' | 'ob3-ed25519-signature-2020' | 'ob3-vc-jwt' | 'ob2-hosted' | 'ob2-signed';

export const ISSUING_METHODS: readonly IssuingMethod[] = [
  'ob3-eddsa-rdfc-2022',
  'ob3-ed25519-signature-2020',
  'ob3-vc-jwt',
  'ob2-hosted',
  'ob2-signed',
];

/**
 * How an OB 3.0 issuer publishes revocations (OB 2.0 issuers always use an OB 2.0 revocation list).
 * `1edtech` only suits VC-JWT issuers: the OB 3.0.3 context does not define the
 * `1EdTechRevocationList` type, so JSON-LD signing in safe mode refuses it.
 */
export type Ob3StatusMethod = 'bitstring' | '1edtech';

/** OB 3.0 `achievementType` values the demo uses. */
export type AchievementType = 'Badge' | 'MicroCredential' | 'Certificate';

/**
 * One skill an achievement aligns to, named the way the catalog author thinks
 * of it; `skills.ts` resolves it against the taxonomy and writes the alignment
 * the way real issuers do for that framework.
 */
export type SkillPick =
  /** An ESCO skill or knowledge concept by its exact preferred label. `name` writes only targetName + targetFramework (no URI). */
  | { framework: 'esco'; label: string; style?: 'uri' | 'name' }
  /** An O*NET element id, e.g. `2.B.3.k`. */
  | { framework: 'onet'; code: string }
  /** A NICE Framework work role id, e.g. `PD-WRL-001`. */
  | { framework: 'nice'; code: string }
  /** A code of the local (Riverbend) framework, e.g. `troubleshooting`. */
  | { framework: 'local'; code: string }
  /** An alignment that matches nothing in the taxonomy (an issuer's own rubric): it must stay unmapped. */
  | { framework: 'none'; targetName: string; targetFramework?: string; targetCode?: string; targetUrl?: string };

/** A badge class / OB 3.0 achievement of the catalog. */
export interface AchievementDefinition {
  /** Short slug, unique within its issuer; part of the badge class id. */
  code: string;
  name: string;
  /** OB 2.0 issuers have no achievement type: their badges all read as `Badge`. */
  achievementType: AchievementType;
  description: string;
  criteria: string;
  skills: SkillPick[];
  /** Plain-text tags; chosen so that none of them names a taxonomy entry. */
  tags: string[];
  /** Relative popularity within the issuer (default 1). */
  weight?: number;
  /** Unused since every demo achievement carries a data: URI image (`issuers/evidence.ts`); kept so catalogs still parse. */
  image?: boolean;
}

/** A stackable micro-credential an issuer defines over its own achievements. */
export interface PathwayDefinitionSource {
  code: string;
  name: string;
  description: string;
  /** Achievement codes of the same issuer. */
  achievements: string[];
  /** How many complete it; all when absent. */
  required?: number;
}

/** One fictional issuer. */
export interface IssuerDefinition {
  slug: string;
  name: string;
  /** A fictional homepage under a reserved `.example` domain. */
  homepage: string;
  email: string;
  description: string;
  method: IssuingMethod;
  /** OB 3.0 issuers only. */
  statusMethod?: Ob3StatusMethod;
  /** Hashed (`sha256$…` with one salt per issuer) or plain recipient emails. */
  recipients: 'plain' | 'hashed';
  /** Relative share of all badges issued. Data Integrity signing is slow, so those issuers stay small. */
  weight: number;
  /** How long the issuer's credentials stay valid; open-ended when absent. */
  validForYears?: number;
  /** Headlines earners who studied here tend to write. */
  headlines: string[];
  achievements: AchievementDefinition[];
  pathways: PathwayDefinitionSource[];
}
