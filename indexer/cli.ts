/**
 * `npm run indexer -- <command>`:
 *   ingest <file|folder|url>...   verify, normalize and index credentials
 *   verify <file|folder|url>...   verify only, one line per credential (--json)
 *   reindex                       rebuild earners, badge classes, skills (zero downtime)
 *   reverify                      check every stored credential again
 *   taxonomy                      reload the skills index from the shipped taxonomy
 *   schedule                      run the re-verify and refresh jobs on their cron schedules
 *                                 (--intake: and serve the credential intake, as serve-intake)
 *   serve-intake                  serve the credential intake and DID Auth over HTTP to an API started alone
 *                                 (INTAKE_TOKEN required; INTAKE_HOST, INTAKE_PORT)
 *   demand <file|url>...          job postings (JSON, JSON Lines, CSV) for skill-gap reports
 *   issuers import <file>...      load issuer registry files, most authoritative first (--partial)
 * Options: --resolve PREFIX=TARGET (repeatable), --pathways FILE, --rejects FILE,
 *          --recipient EMAIL, --json, --registry FILE (verify: judge issuers against it), --partial.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexerConfigFromEnv, intakeServiceConfigFromEnv, type IndexerConfig, type IntakeServiceConfig } from './config.ts';
import { startIntakeService, type RunningIntakeService } from './intake/http-service.ts';
import { createCredentialIntake } from './intake/intake.ts';
import { createDidAuthentication } from './did-auth/did-auth.ts';
import { formatDemandSummary, ingestPostings } from './demand/ingest.ts';
import { readPostingSource } from './demand/read.ts';
import { expandInputs } from './ingest/inputs.ts';
import { runIngest } from './ingest/run.ts';
import { formatSummary } from './ingest/summary.ts';
import { createProgress } from './ingest/progress.ts';
import { reindexAll } from './rebuild/reindex.ts';
import { reverifyAll } from './rebuild/reverify.ts';
import { createRuntime, FatalError, type IndexerRuntime } from './runtime/runtime.ts';
import { indexerJobs, jsonLog } from './jobs/indexer-jobs.ts';
import { readCredentials } from './sources/read-credentials.ts';
import { loadSkillsIndex } from './taxonomy/skills-index.ts';
import { loadTaxonomy } from './taxonomy/index.ts';
import { verifyReportLine, verifyReportText } from './verify/report.ts';
import { createResolver, parseResolveMapping } from './verify/resolver.ts';
import type { IssuerRegistryDocument } from '../mappings/issuers.ts';
import { formatImportResult, importIssuerRegistries, readRegistryFiles } from './issuers/import.ts';

const USAGE =
  'usage: npm run indexer -- <ingest|verify|reindex|reverify|taxonomy|schedule|serve-intake|demand|issuers import> [inputs...] [--resolve PREFIX=TARGET] [--pathways FILE] [--rejects FILE] [--recipient EMAIL] [--json] [--registry FILE] [--partial] [--intake]';

interface Flags {
  resolve: string[];
  pathways?: string;
  rejects?: string;
  recipient?: string;
  json: boolean;
  registry: string[];
  partial: boolean;
  intake: boolean;
}

function parse(argv: string[]): { command: string; inputs: string[]; flags: Flags } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      resolve: { type: 'string', multiple: true },
      pathways: { type: 'string' },
      rejects: { type: 'string' },
      recipient: { type: 'string' },
      json: { type: 'boolean' },
      registry: { type: 'string', multiple: true },
      partial: { type: 'boolean' },
      intake: { type: 'boolean' },
    },
  });
  const [command = '', ...inputs] = positionals;
  return {
    command,
    inputs,
    flags: {
      resolve: values.resolve ?? [],
      pathways: values.pathways,
      rejects: values.rejects,
      recipient: values.recipient,
      json: values.json ?? false,
      registry: values.registry ?? [],
      partial: values.partial ?? false,
      intake: values.intake ?? false,
    },
  };
}

function configWith(flags: Flags): IndexerConfig {
  const config = indexerConfigFromEnv();
  return {
    ...config,
    resolve: [...config.resolve, ...flags.resolve.map(parseResolveMapping)],
    ...(flags.pathways ? { pathwaysFile: flags.pathways } : {}),
  };
}

async function verifyOnly(inputs: string[], flags: Flags, config: IndexerConfig): Promise<number> {
  const taxonomy = loadTaxonomy();
  const resolver = createResolver({
    mappings: config.resolve,
    allowNetwork: config.allowNetwork,
    allowHosts: config.allowHosts,
    timeoutMs: config.httpTimeoutMs,
  });
  // Recognition needs a registry: the files given with --registry (none: every issuer is UNKNOWN).
  const { parsed, problems } = await readRegistryFiles(flags.registry);
  if (problems.length > 0)
    throw new FatalError(`registry files have problems:\n${problems.map((p) => `  ${p.file}:${p.line}: ${p.reason}`).join('\n')}`);
  const registry: IssuerRegistryDocument[] = parsed.flatMap((file, rank) =>
    file.entries.map(({ entry }) => ({
      ...entry,
      provenance: { format: file.format, source: file.name, rank },
      changedAt: new Date().toISOString(),
    })),
  );
  let notVerified = 0;
  for await (const unit of expandInputs(inputs, { timeoutMs: config.httpTimeoutMs, allowHosts: config.allowHosts })) {
    if (unit.kind !== 'credential') {
      const line =
        unit.kind === 'problem'
          ? { source: unit.source, status: 'FAILED', reasons: [unit.reason ?? 'UNREADABLE'], details: [unit.detail] }
          : { source: unit.source, status: 'UNVERIFIED', reasons: ['NO_PROOF'], details: ['a bulk-export row carries no proof'] };
      console.log(flags.json ? JSON.stringify(line) : `${line.status.padEnd(10)} ${line.source}  ${line.details.join('; ')}`);
      notVerified++;
      continue;
    }
    for (const c of await readCredentials(
      { source: unit.source, bytes: unit.bytes },
      { resolver, ...(flags.recipient ? { recipient: flags.recipient } : {}) },
    )) {
      const line = verifyReportLine(c, taxonomy, registry);
      if (line.status !== 'VERIFIED') notVerified++;
      console.log(flags.json ? JSON.stringify(line) : verifyReportText(line));
    }
  }
  return notVerified;
}

function intakeConfigOrStop(): IntakeServiceConfig {
  try {
    return intakeServiceConfigFromEnv();
  } catch (error) {
    throw new FatalError(`${(error as Error).message}; the intake service never runs without it`);
  }
}

/**
 * The long-running process: the scheduled jobs (`schedule`), the intake
 * service (`serve-intake`), or both (`schedule --intake`), until SIGTERM or
 * SIGINT. Both share one runtime and engine client.
 */
async function serve(runtime: IndexerRuntime, run: { jobs: boolean; intake?: IntakeServiceConfig }): Promise<void> {
  const intakeConfig = run.intake;
  const jobs = run.jobs ? indexerJobs(runtime, jsonLog) : [];
  for (const job of jobs) job.start();
  if (run.jobs) {
    const backupCron = runtime.config.backup.cron ? `, backup "${runtime.config.backup.cron}"` : '';
    jsonLog(
      `scheduled: ${jobs.map((j) => j.name).join(', ')} (reverify "${runtime.config.reverifyCron}", refresh-sources "${runtime.config.refreshCron}"${backupCron})`,
    );
  }
  let intake: RunningIntakeService | undefined;
  if (intakeConfig) {
    intake = await startIntakeService(
      { intake: createCredentialIntake(runtime), didAuth: createDidAuthentication(runtime) },
      intakeConfig,
      jsonLog,
    );
    jsonLog(`intake listening on ${intake.url}`, { url: intake.url });
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // A running job stops at its next safe point, intake requests in flight finish; a container runtime kills after 10 s.
  jsonLog(
    `${signal}: stopping${run.jobs ? ' the scheduled jobs' : ''}${run.jobs && intake ? ' and' : ''}${intake ? ' the intake service' : ''}`,
  );
  const [idle] = await Promise.all([Promise.all(jobs.map((job) => job.shutdown(8_000))), intake?.close(8_000)]);
  if (idle.includes(false)) jsonLog('a job did not reach a safe point in 8 s; exiting anyway (its next run repeats the work)');
}

async function main(argv: string[]): Promise<number> {
  const { command, inputs, flags } = parse(argv);
  const config = configWith(flags);
  if (command === 'verify') {
    if (inputs.length === 0) throw new FatalError(`verify needs at least one file, folder or URL\n${USAGE}`);
    return (await verifyOnly(inputs, flags, config)) > 0 ? 2 : 0;
  }
  if (command === 'issuers' && (inputs[0] !== 'import' || inputs.length < 2))
    throw new FatalError(`issuers import needs at least one registry file\n${USAGE}`);
  if (!['ingest', 'reindex', 'reverify', 'taxonomy', 'schedule', 'serve-intake', 'demand', 'issuers'].includes(command))
    throw new FatalError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  if ((command === 'ingest' || command === 'demand') && inputs.length === 0)
    throw new FatalError(`${command} needs at least one file, folder or URL\n${USAGE}`);

  // Before the engine is touched: the intake service never starts without its secret.
  const intake = command === 'serve-intake' || (command === 'schedule' && flags.intake) ? intakeConfigOrStop() : undefined;
  const runtime = await createRuntime(config, flags.recipient ? { recipient: flags.recipient } : {});
  const log = (line: string) => console.error(line);
  try {
    switch (command) {
      case 'ingest': {
        const rejectsFile = flags.rejects ?? path.join(config.rejectsDir, `ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
        const summary = await runIngest(runtime, inputs, rejectsFile);
        console.log(formatSummary(summary, rejectsFile));
        return 0;
      }
      case 'reindex':
        await reindexAll(runtime, runtime.taxonomy, log);
        return 0;
      case 'reverify': {
        const progress = createProgress({ label: 'reverify', total: await runtime.store.count('credentials') });
        const summary = await reverifyAll(runtime, runtime.verify, (n) => progress.update(n));
        progress.finish();
        console.log(
          `Re-verified ${summary.checked} credentials: ${summary.changed} changed status, ${summary.earnersUpdated} earners rewritten`,
        );
        for (const [id, change] of Object.entries(summary.changes)) console.log(`  ${id}: ${change}`);
        return 0;
      }
      case 'demand': {
        const units = (await Promise.all(inputs.map((i) => readPostingSource(i, config.httpTimeoutMs, config.allowHosts)))).flat();
        const summary = await ingestPostings(units, runtime.store, runtime.taxonomy, runtime.now());
        console.log(formatDemandSummary(summary));
        return summary.accepted === 0 && summary.rows > 0 ? 2 : 0;
      }
      case 'issuers': {
        const result = await importIssuerRegistries(runtime, inputs.slice(1), { partial: flags.partial });
        console.log(formatImportResult(result, flags.partial));
        return result.problems.length > 0 ? 2 : 0;
      }
      case 'taxonomy':
        console.log(`Loaded ${await loadSkillsIndex(runtime.store, runtime.taxonomy, log)} skills into ${runtime.store.alias('skills')}`);
        return 0;
      case 'serve-intake':
        await serve(runtime, { jobs: false, intake });
        return 0;
      default:
        await serve(runtime, { jobs: true, intake });
        return 0;
    }
  } finally {
    await runtime.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      const engineDown = /ConnectionError|ECONNREFUSED|NoLivingConnections/.test(`${error.name} ${error.message}`);
      console.error(
        error instanceof FatalError
          ? `indexer: ${error.message}`
          : engineDown
            ? 'indexer: lost the connection to Elasticsearch after retries; what was written so far is kept. Check the engine ("npm run engine:status") and run the command again: ingest is idempotent.'
            : `indexer: ${error.stack ?? error.message}`,
      );
      process.exit(1);
    },
  );
}
