/**
 * A real API server (HTTP, real engine) for the skill-gap report tests: a
 * pinned, movable clock, captured logs, and signed-in accounts of every
 * role. Works on indices a test file already filled (or fresh ones).
 */
import type { Client } from '@elastic/elasticsearch';
import { apiConfigFromEnv } from '../../api/config.ts';
import { createLogger, type Logger } from '../../api/log.ts';
import { startApi, type RunningApi } from '../../api/main.ts';
import type { AccountRole } from '../../mappings/accounts.ts';
import { createAccount, TEST_SESSION_SECRET, type HttpGraphqlResult } from '../support/account-api.ts';
import { engineUrl } from '../support/engine.ts';
import { TEST_NOISE_SECRET } from '../support/report-disclosure.ts';

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface ReportApi {
  api: RunningApi;
  /** Moves the server's clock. */
  setNow(at: Date): void;
  logs: LogLine[];
  tokens: Record<AccountRole, string>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<HttpGraphqlResult<T>>;
  /** GET /reports/skill-gap.csv with these query parameters. */
  csv(params: Record<string, string>, token?: string): Promise<{ status: number; headers: Headers; raw: string }>;
  close(): Promise<void>;
}

const PASSWORD = 'report-test-password';

export async function startReportApi(client: Client, prefix: string, now: Date, env: Record<string, string> = {}): Promise<ReportApi> {
  let clock = now;
  const logs: LogLine[] = [];
  const log: Logger = createLogger('debug', (line) => void logs.push(JSON.parse(line) as LogLine));
  const config = apiConfigFromEnv({
    ELASTICSEARCH_URL: engineUrl(),
    INDEX_PREFIX: prefix,
    PORT: '0',
    SESSION_SECRET: TEST_SESSION_SECRET,
    OUTBOX: 'index',
    REPORT_SNAPSHOTS_ENABLED: 'false',
    // A known secret: tests know every cell's noise (test/support/report-disclosure.ts).
    REPORT_NOISE_SECRET: TEST_NOISE_SECRET,
    // Tests move the clock by days; sessions must outlive that.
    SESSION_TTL_SECONDS: String(30 * 86_400),
    ...env,
  });
  const api = await startApi(config, { now: () => clock, log });
  const gql: ReportApi['gql'] = async (query, variables = {}, token) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await response.text();
    return { status: response.status, body: JSON.parse(raw), raw };
  };
  const tokens = {} as Record<AccountRole, string>;
  for (const role of ['employer', 'earner', 'agency', 'admin'] as const) {
    const email = `${role}@reports.test`;
    await createAccount(client, prefix, {
      email,
      role,
      password: PASSWORD,
      organisation: `${role} org`,
      ...(role === 'earner' ? { earnerId: 'earner-of-reports' } : {}),
    });
    const result = await gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: PASSWORD },
    );
    if (!result.body.data?.login) throw new Error(`login failed: ${result.raw}`);
    tokens[role] = result.body.data.login.token;
  }
  return {
    api,
    setNow: (at) => void (clock = at),
    logs,
    tokens,
    gql,
    async csv(params, token) {
      const response = await fetch(`${api.url}/reports/skill-gap.csv?${new URLSearchParams(params)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, headers: response.headers, raw: await response.text() };
    },
    close: () => api.close(),
  };
}

/** Every report field, as a client would ask for it. */
export const REPORT_QUERY = /* GraphQL */ `
  query Report($input: SkillGapInput!) {
    skillGapReport(input: $input) {
      totalRows
      generatedAt
      threshold
      previousSnapshotAt
      region
      framework
      occupation
      postedWithinMonths
      rows {
        skill {
          id
          label
          framework
        }
        demand {
          value
          suppressed
        }
        supply {
          value
          suppressed
        }
        ratio {
          value
          suppressed
        }
        searches {
          value
          suppressed
        }
        searchesWithFewResults {
          value
          suppressed
        }
        importance
        change {
          demand {
            value
            suppressed
          }
          supply {
            value
            suppressed
          }
        }
      }
    }
  }
`;

export const TREND_QUERY = /* GraphQL */ `
  query Trend($input: SkillGapTrendInput!) {
    skillGapTrend(input: $input) {
      skill {
        id
        label
        framework
      }
      points {
        takenAt
        demand {
          value
          suppressed
        }
        supply {
          value
          suppressed
        }
        ratio {
          value
          suppressed
        }
      }
    }
  }
`;

export interface CellJson {
  value: number | null;
  suppressed: boolean;
}

export interface RowJson {
  skill: { id: string; label: string; framework: string };
  demand: CellJson;
  supply: CellJson;
  ratio: CellJson;
  searches: CellJson;
  searchesWithFewResults: CellJson;
  importance: number | null;
  change: { demand: CellJson; supply: CellJson } | null;
}

export interface ReportJson {
  totalRows: number;
  generatedAt: string;
  threshold: number;
  previousSnapshotAt: string | null;
  rows: RowJson[];
}

/** Every count cell (demand, supply, searches) anywhere in a parsed JSON answer; `change` holds differences, not counts. */
export function countCells(value: unknown, out: { key: string; cell: CellJson }[] = []): { key: string; cell: CellJson }[] {
  if (Array.isArray(value)) for (const item of value) countCells(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'change') continue;
      if (
        ['demand', 'supply', 'searches', 'searchesWithFewResults'].includes(key) &&
        child &&
        typeof child === 'object' &&
        'suppressed' in child
      )
        out.push({ key, cell: child as CellJson });
      else countCells(child, out);
    }
  }
  return out;
}

/** Parses the CSV the route returns (no quoted newlines in our data). */
export function parseCsv(raw: string): Record<string, string>[] {
  const lines = raw.split('\r\n').filter(Boolean);
  const split = (line: string) => {
    const fields: string[] = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          current += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else current += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        fields.push(current);
        current = '';
      } else current += ch;
    }
    fields.push(current);
    return fields;
  };
  const [header, ...rows] = lines.map(split);
  return rows.map((fields) => Object.fromEntries(header!.map((name, i) => [name, fields[i] ?? ''])));
}
