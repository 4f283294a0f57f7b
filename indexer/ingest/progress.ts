/**
 * Progress of a long run: a bar with items, rate and ETA on a terminal,
 * a plain line every few seconds otherwise (logs, CI).
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  isTTY?: boolean;
  write?: (text: string) => void;
  now?: () => number;
  /** Seconds between plain log lines. */
  logEverySeconds?: number;
}

/** "1m 05s", "12s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** One line describing progress; pure. */
export function progressLine(label: string, done: number, total: number | undefined, elapsedSeconds: number, width = 24): string {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const rateText = `${rate.toFixed(rate < 10 ? 1 : 0)}/s`;
  if (!total) return `${label}: ${done} ${rateText}`;
  const fraction = Math.min(1, done / total);
  const filled = Math.round(fraction * width);
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
  return `${label} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${rateText} ETA ${eta}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const now = options.now ?? Date.now;
  const isTTY = options.isTTY ?? Boolean(process.stderr.isTTY);
  const started = now();
  let lastLog = started;
  let last = 0;
  let lastLine = '';
  return {
    update(done) {
      last = done;
      const elapsed = (now() - started) / 1000;
      if (isTTY) write(`\r${progressLine(options.label, done, options.total, elapsed)}`);
      else if (now() - lastLog >= (options.logEverySeconds ?? 5) * 1000) {
        lastLog = now();
        lastLine = progressLine(options.label, done, options.total, elapsed);
        write(`${lastLine}\n`);
      }
    },
    finish() {
      const line = progressLine(options.label, last, options.total, (now() - started) / 1000);
      // A log line for the final count was just written: do not repeat it.
      if (isTTY) write(`\r${line}\n`);
      else if (line !== lastLine) write(`${line}\n`);
    },
  };
}
