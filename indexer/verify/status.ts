/**
 * `credentialStatus` checks of OB 3.0 credentials: Bitstring Status List
 * (and its predecessors StatusList2021 and RevocationList2020) and the 1EdTech
 * Revocation List.
 */
import { createHash } from 'node:crypto';
import { bitAt, decodeStatusList } from './bitstring.ts';
import { BoundedCache } from './cache.ts';
import { asArray, asString, idOf, isObject, type JsonObject } from './json.ts';
import { loadNode } from './remote.ts';
import { finding, type Finding } from './result.ts';
import type { VerifyOptions } from './types.ts';

/** Verifies the proof of a fetched status list credential; returns its findings (empty when it verifies). */
export type ListProofCheck = (listCredential: JsonObject) => Promise<Finding[]>;

const BITSTRING_TYPES = new Set(['BitstringStatusListEntry', 'StatusList2021Entry', 'RevocationList2020Status']);

/** RevocationList2020 names its fields `revocationList*` and has no purpose: every set bit revokes. */
function bitstringFields(entry: JsonObject): { listField: string; indexField: string } {
  return entry.type === 'RevocationList2020Status'
    ? { listField: 'revocationListCredential', indexField: 'revocationListIndex' }
    : { listField: 'statusListCredential', indexField: 'statusListIndex' };
}

/**
 * Proof checks of status lists, by the list's exact content: one list serves
 * thousands of credentials, and its proof (RDF canonicalization and a
 * signature) costs more than everything else about a credential. Bounded
 * like the resolver's document cache, so a changed list is checked again.
 */
const listProofs = new BoundedCache<Finding[]>({ maxEntries: 256, ttlMs: 10 * 60_000 });

async function checkListProofOnce(list: JsonObject, checkListProof: ListProofCheck): Promise<Finding[]> {
  const key = createHash('sha256').update(JSON.stringify(list)).digest('hex');
  const known = listProofs.get(key);
  if (known) return known;
  const findings = await checkListProof(list);
  listProofs.set(key, findings);
  return findings;
}

async function checkBitstringEntry(
  entry: JsonObject,
  where: string,
  options: VerifyOptions,
  checkListProof: ListProofCheck,
): Promise<Finding[]> {
  const { listField, indexField } = bitstringFields(entry);
  const listUrl = asString(entry[listField]);
  const index = Number(entry[indexField]);
  const purpose = asString(entry.statusPurpose) ?? 'revocation';
  if (!listUrl) return [finding('MALFORMED', `${where}.${listField} is missing`)];
  if (!Number.isInteger(index) || index < 0)
    return [finding('MALFORMED', `${where}.${indexField} is not a non-negative integer: ${JSON.stringify(entry[indexField])}`)];
  const loaded = await loadNode(listUrl, `${where}.${listField}`, options.resolver, 'STATUS_UNREACHABLE');
  if (!loaded.ok) return [loaded.finding];
  const list = loaded.doc;
  const proofFindings = await checkListProofOnce(list, checkListProof);
  if (proofFindings.length > 0) {
    return [finding('STATUS_UNREACHABLE', `status list ${listUrl} is not trustworthy: ${proofFindings.map((f) => f.detail).join('; ')}`)];
  }
  const subject = asArray(list.credentialSubject).find(isObject);
  const encoded = subject && asString(subject.encodedList);
  if (!encoded) return [finding('STATUS_UNREACHABLE', `status list ${listUrl} has no credentialSubject.encodedList`)];
  let bits: Uint8Array;
  try {
    bits = decodeStatusList(encoded);
  } catch {
    return [finding('STATUS_UNREACHABLE', `status list ${listUrl}: encodedList is not base64url GZIP data`)];
  }
  const listPurpose = asString(subject.statusPurpose);
  if (listPurpose && listPurpose !== purpose) {
    return [finding('STATUS_UNREACHABLE', `status list ${listUrl} has statusPurpose ${listPurpose}, the entry expects ${purpose}`)];
  }
  const set = bitAt(bits, index);
  if (set === undefined)
    return [finding('STATUS_UNREACHABLE', `${where}.${indexField} ${index} is beyond the ${bits.length * 8} entries of ${listUrl}`)];
  if (!set) return [];
  if (purpose === 'revocation' || purpose === 'suspension') {
    return [finding('REVOKED', `${purpose === 'suspension' ? 'suspended' : 'revoked'}: bit ${index} of status list ${listUrl} is set`)];
  }
  return [];
}

async function check1EdTechRevocationList(
  entry: JsonObject,
  where: string,
  credentialId: string,
  options: VerifyOptions,
): Promise<Finding[]> {
  const listUrl = asString(entry.id);
  if (!listUrl) return [finding('MALFORMED', `${where}.id (the revocation list URL) is missing`)];
  const loaded = await loadNode(listUrl, `${where}.id`, options.resolver, 'STATUS_UNREACHABLE');
  if (!loaded.ok) return [loaded.finding];
  const revoked = asArray(loaded.doc.revokedCredentials).find((r) => idOf(r) === credentialId);
  if (!revoked) return [];
  const reason = isObject(revoked) ? asString(revoked.revocationReason) : undefined;
  return [finding('REVOKED', `listed in revocation list ${listUrl}${reason ? `: ${reason}` : ''}`)];
}

/** Checks every `credentialStatus` entry of a credential. */
export async function checkCredentialStatus(
  credential: JsonObject,
  options: VerifyOptions,
  checkListProof: ListProofCheck,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const entries = asArray(credential.credentialStatus);
  for (const [i, entry] of entries.entries()) {
    const where = entries.length > 1 ? `credentialStatus[${i}]` : 'credentialStatus';
    if (!isObject(entry)) {
      findings.push(finding('MALFORMED', `${where} is not an object`));
      continue;
    }
    const type = asString(entry.type) ?? '';
    if (BITSTRING_TYPES.has(type)) findings.push(...(await checkBitstringEntry(entry, where, options, checkListProof)));
    else if (type === '1EdTechRevocationList')
      findings.push(...(await check1EdTechRevocationList(entry, where, asString(credential.id) ?? '', options)));
    else findings.push(finding('STATUS_UNREACHABLE', `${where}.type ${JSON.stringify(type)} is not a supported status method`));
  }
  return findings;
}
