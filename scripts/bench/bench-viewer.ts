/**
 * Who the benchmark searches as: one fixed employer for the whole process,
 * plugged in as the API's viewer resolver (no login, no token checks), so
 * the figures measure search, not authentication.
 */
import type { Viewer } from '../../api/viewer.ts';

export const BENCH_VIEWER: Viewer = Object.freeze({ role: 'employer', accountId: 'bench-employer' });

export const VIEWER_NOTE = `fixed viewer for the benchmark process: role ${BENCH_VIEWER.role}, account ${BENCH_VIEWER.accountId} (no token auth)`;
