/** The report's CSV export: fetched with the session token (a plain link would not carry it), then saved as a file. */
import { fetchFile } from '../api';
import { messageOf } from '../errors';
import { toCsvParams, type ReportQuery } from './report-query';

export const CSV_PATH = '/reports/skill-gap.csv';

/** Hands a blob to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class CsvExport {
  busy = $state(false);
  error = $state<string | null>(null);
  /** Confirmation for screen readers once the file was handed over. */
  done = $state<string | null>(null);

  async download(query: ReportQuery): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.done = null;
    try {
      const { blob, filename } = await fetchFile(CSV_PATH, toCsvParams(query));
      const name = filename ?? 'skill-gap-report.csv';
      saveFile(blob, name);
      this.done = `Downloaded ${name}.`;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}
