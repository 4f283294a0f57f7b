import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccountApi, type AccountApi } from '../support/account-api.ts';

describe('GraphQL IDE from local files', () => {
  let t: AccountApi;
  beforeAll(async () => {
    t = await startAccountApi('graphql-ide');
  });
  afterAll(() => t?.cleanup());

  it('serves the page under a strict policy, loading only same-origin assets', async () => {
    const redirect = await fetch(`${t.api.url}/graphql/ide`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/graphql/ide/');
    const page = await fetch(`${t.api.url}/graphql/ide/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(['assets/graphiql.css', 'assets/react.js', 'assets/react-dom.js', 'assets/graphiql.js', 'assets/start.js']);
    for (const asset of assets) {
      const response = await fetch(`${t.api.url}/graphql/ide/${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
      expect((await response.text()).length).toBeGreaterThan(100);
    }
  });

  it('serves nothing but its own assets', async () => {
    for (const path of ['assets/package.json', 'assets/..%2F..%2Fpackage.json', 'assets/react.production.min.js']) {
      expect((await fetch(`${t.api.url}/graphql/ide/${path}`)).status).toBe(404);
    }
  });

  it('leaves /graphql itself to GraphQL', async () => {
    const result = await t.gql('{ viewer { role } }');
    expect(result.body).toEqual({ data: { viewer: { role: 'ANONYMOUS' } } });
  });
});
