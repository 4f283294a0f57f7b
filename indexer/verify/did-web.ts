/** did:web DID to the HTTPS URL of its DID document (pure), per the did:web method spec. */
export function didWebToUrl(did: string): string | undefined {
  const match = /^did:web:([^#?]+)$/.exec(did);
  if (!match) return undefined;
  const segments = match[1]!.split(':').map(decodeURIComponent);
  const [host, ...path] = segments;
  if (!host || path.some((p) => p.length === 0)) return undefined;
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`;
}
