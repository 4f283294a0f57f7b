/**
 * Turns the catalog into issuers ready to sign: ids, keys (derived from the
 * demo seed, so the same seed always yields the same keys), resolved
 * achievements with their expected skills, and pathways.
 */
import type { CredentialType } from '../../../mappings/earners.ts';
import type { PathwayDefinition } from '../../../indexer/runtime/pathways.ts';
import type { Taxonomy } from '../../../indexer/taxonomy/index.ts';
import { generateIssuerKey, type IssuerKey } from '../signing/sign.ts';
import type { AchievementDefinition, AchievementType, IssuerDefinition } from '../data/catalog-types.ts';
import { digest } from '../data/prng.ts';
import { badgeImageUri } from './evidence.ts';
import { deterministicRsaKey, rsaKeyFromJwk, type DemoRsaKey } from './rsa.ts';
import { expectedSkills, resolveSkill, type DemoAlignment } from '../data/skills.ts';
import type { DemoIssuerSummary } from '../types.ts';
import type { DemoUrls } from '../urls.ts';

/** An achievement with everything the documents and the ground truth need. */
export interface ResolvedAchievement {
  definition: AchievementDefinition;
  /** Badge class URL (OB 2.0) or achievement URL (OB 3.0). */
  id: string;
  credentialType: CredentialType;
  alignments: DemoAlignment[];
  skillIds: string[];
  unmappedSkills: string[];
  pathwayIds: string[];
  imageUrl?: string;
}

/** One issuer ready to issue. Plain data (no key objects), so it can be handed to worker threads. */
export interface IssuerSetup {
  index: number;
  definition: IssuerDefinition;
  summary: DemoIssuerSummary;
  /** Salt of hashed recipient identities (one per issuer, as real issuers do). */
  salt?: string;
  achievements: ResolvedAchievement[];
  pathways: PathwayDefinition[];
  /** Hex seed of the Ed25519 key (OB 3.0 issuers). */
  ed25519Seed?: string;
  /** Private RSA key as JWK (OB 2.0 signed issuers). */
  rsaJwk?: Record<string, string>;
}

/** Live key objects of an issuer, built from its setup. */
export interface IssuerKeys {
  ed25519?: IssuerKey;
  rsa?: DemoRsaKey;
}

const CREDENTIAL_TYPES: Record<AchievementType, CredentialType> = {
  Badge: 'badge',
  MicroCredential: 'micro-credential',
  Certificate: 'certificate',
};

const isOb3 = (definition: IssuerDefinition): boolean => definition.method.startsWith('ob3-');

function resolveAchievements(taxonomy: Taxonomy, definition: IssuerDefinition, urls: DemoUrls): ResolvedAchievement[] {
  return definition.achievements.map((a) => {
    const resolved = a.skills.map((pick) => resolveSkill(taxonomy, pick, definition.homepage));
    const { skillIds, unmappedSkills } = expectedSkills(resolved, a.tags);
    const pathwayIds = definition.pathways.filter((p) => p.achievements.includes(a.code)).map((p) => pathwayId(definition, p.code));
    return {
      definition: a,
      id: isOb3(definition) ? urls.ob3Achievement(definition.slug, a.code) : urls.ob2BadgeClass(definition.slug, a.code),
      // OB 2.0 has no achievement type: every OB 2.0 badge class reads as a badge
      credentialType: isOb3(definition) ? CREDENTIAL_TYPES[a.achievementType] : 'badge',
      alignments: resolved.map((r) => r.alignment),
      skillIds,
      unmappedSkills,
      pathwayIds,
      // Every achievement carries its image as a data: URI: the API passes on only https or data: images, and the demo hosts are http.
      imageUrl: badgeImageUri(definition.slug, a.name),
    };
  });
}

const pathwayId = (definition: IssuerDefinition, code: string): string => `${definition.slug}:${code}`;

function resolvePathways(definition: IssuerDefinition, achievements: readonly ResolvedAchievement[]): PathwayDefinition[] {
  return definition.pathways.map((p) => {
    const badgeClasses = p.achievements.map((code) => {
      const found = achievements.find((a) => a.definition.code === code);
      if (!found) throw new Error(`demo catalog: pathway ${p.code} of ${definition.slug} names unknown achievement ${code}`);
      return found.id;
    });
    return {
      id: pathwayId(definition, p.code),
      name: p.name,
      description: p.description,
      badgeClasses,
      ...(p.required ? { required: p.required } : {}),
    };
  });
}

/** Builds every issuer of the catalog for one seed and base URL. */
export async function setupIssuers(
  catalog: readonly IssuerDefinition[],
  taxonomy: Taxonomy,
  urls: DemoUrls,
  seed: number,
): Promise<IssuerSetup[]> {
  const setups: IssuerSetup[] = [];
  for (const [index, definition] of catalog.entries()) {
    const achievements = resolveAchievements(taxonomy, definition, urls);
    let id: string;
    let ed25519Seed: string | undefined;
    let rsaJwk: Record<string, string> | undefined;
    if (isOb3(definition)) {
      ed25519Seed = digest(seed, 'ed25519', definition.slug).toString('hex');
      id = (await generateIssuerKey(Buffer.from(ed25519Seed, 'hex'))).did;
    } else {
      id = urls.ob2Issuer(definition.slug);
      if (definition.method === 'ob2-signed') rsaJwk = deterministicRsaKey(digest(seed, 'rsa', definition.slug)).privateJwk;
    }
    const revocation = isOb3(definition) ? (definition.statusMethod ?? 'bitstring') : 'ob2-revocation-list';
    setups.push({
      index,
      definition,
      summary: {
        slug: definition.slug,
        id,
        name: definition.name,
        method: definition.method,
        revocation,
        recipients: definition.recipients,
        homepage: definition.homepage,
      },
      ...(definition.recipients === 'hashed' ? { salt: digest(seed, 'salt', definition.slug).toString('hex').slice(0, 16) } : {}),
      achievements,
      pathways: resolvePathways(definition, achievements),
      ...(ed25519Seed ? { ed25519Seed } : {}),
      ...(rsaJwk ? { rsaJwk } : {}),
    });
  }
  return setups;
}

/** Key objects for one issuer setup (cheap: no key generation beyond deriving the Ed25519 pair from its seed). */
export async function keysFor(setup: IssuerSetup): Promise<IssuerKeys> {
  return {
    ...(setup.ed25519Seed ? { ed25519: await generateIssuerKey(Buffer.from(setup.ed25519Seed, 'hex')) } : {}),
    ...(setup.rsaJwk ? { rsa: rsaKeyFromJwk(setup.rsaJwk) } : {}),
  };
}
