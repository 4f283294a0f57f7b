/** Validity window checks shared by OB 2.0 and OB 3.0 (pure). */
import { finding, type Finding } from './result.ts';

/** Clock skew tolerated before a credential counts as issued in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ValidityWindow {
  /** Field name and value of the start (issuedOn / validFrom / issuanceDate). */
  start?: { field: string; value: unknown };
  /** Field name and value of the end (expires / validUntil / expirationDate). */
  end?: { field: string; value: unknown };
}

/** Parses an ISO 8601 date-time; undefined when absent or not a date. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function checkValidityWindow(window: ValidityWindow, now: Date): Finding[] {
  const findings: Finding[] = [];
  const start = window.start && parseDate(window.start.value);
  const end = window.end && parseDate(window.end.value);
  if (window.start && window.start.value !== undefined && !start) {
    findings.push(finding('MALFORMED', `${window.start.field} is not an ISO 8601 date-time: ${JSON.stringify(window.start.value)}`));
  }
  if (window.end && window.end.value !== undefined && !end) {
    findings.push(finding('MALFORMED', `${window.end.field} is not an ISO 8601 date-time: ${JSON.stringify(window.end.value)}`));
  }
  if (start && start.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    findings.push(finding('NOT_YET_VALID', `${window.start?.field} ${start.toISOString()} is in the future`));
  }
  if (start && end && end.getTime() < start.getTime()) {
    findings.push(
      finding('MALFORMED', `${window.end?.field} ${end.toISOString()} is before ${window.start?.field} ${start.toISOString()}`),
    );
  }
  if (end && end.getTime() < now.getTime()) {
    findings.push(finding('EXPIRED', `${window.end?.field} ${end.toISOString()} has passed`));
  }
  return findings;
}
