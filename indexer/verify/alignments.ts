/** Alignments of an OB 2.0 BadgeClass or an OB 3.0 Achievement, as the issuer wrote them. Pure. */
import { asArray, asString, isObject, type JsonObject } from './json.ts';
import type { Alignment } from './types.ts';

const FIELDS = ['targetFramework', 'targetCode', 'targetUrl', 'targetName', 'targetType'] as const;

export function alignmentsOf(holder: JsonObject): Alignment[] {
  return asArray(holder.alignment)
    .filter(isObject)
    .map((a) => {
      const alignment: Alignment = {};
      for (const key of FIELDS) {
        const value = asString(a[key]);
        if (value) alignment[key] = value;
      }
      return alignment;
    });
}
