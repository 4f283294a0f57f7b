/**
 * Checks of `addMyCredentials` input, pure: counts and sizes within
 * `INTAKE_LIMITS`, base64 that decodes, http(s) URLs. Every refusal names the
 * item (`files[2]` and its file name, `urls[0]`) and the limit.
 */
import { INTAKE_LIMITS, type IntakeItem } from '../../mappings/credential-intake.ts';
import { BadInputError } from '../errors.ts';
import type { AddMyCredentialsInput } from '../generated/resolvers-types.ts';

const MAX_NAME = 200;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

export function checkAddMyCredentials(input: AddMyCredentialsInput): IntakeItem[] {
  const files = input.files ?? [];
  const urls = input.urls ?? [];
  const count = files.length + urls.length;
  if (count === 0) throw new BadInputError('input', 'add at least one file or URL');
  if (count > INTAKE_LIMITS.maxEarnerItems)
    throw new BadInputError(
      'input',
      `at most ${INTAKE_LIMITS.maxEarnerItems} files and URLs at once (${count} sent); add the rest in another batch`,
    );
  let total = 0;
  const items: IntakeItem[] = files.map((file, i) => {
    const where = `files[${i}]`;
    const name = file.name.trim();
    if (name === '' || name.length > MAX_NAME)
      throw new BadInputError('files.name', `${where}: the file name must be 1 to ${MAX_NAME} characters`, `${where}.name`);
    const content = file.contentBase64.replace(/\s+/g, '');
    // Checked before decoding: a huge string is refused by its length alone.
    if (content.length > Math.ceil(INTAKE_LIMITS.maxFileBytes / 3) * 4 + 4)
      throw new BadInputError(
        'files.contentBase64',
        `"${name}" is larger than the ${mib(INTAKE_LIMITS.maxFileBytes)} limit of one file`,
        `${where}.contentBase64`,
      );
    if (!BASE64.test(content)) throw new BadInputError('files.contentBase64', `"${name}" is not base64`, `${where}.contentBase64`);
    const bytes = Buffer.from(content, content.includes('-') || content.includes('_') ? 'base64url' : 'base64');
    if (bytes.length === 0) throw new BadInputError('files.contentBase64', `"${name}" is empty`, `${where}.contentBase64`);
    if (bytes.length > INTAKE_LIMITS.maxFileBytes)
      throw new BadInputError(
        'files.contentBase64',
        `"${name}" is larger than the ${mib(INTAKE_LIMITS.maxFileBytes)} limit of one file`,
        `${where}.contentBase64`,
      );
    total += bytes.length;
    if (total > INTAKE_LIMITS.maxEarnerTotalBytes)
      throw new BadInputError(
        'files',
        `the files add up to more than ${mib(INTAKE_LIMITS.maxEarnerTotalBytes)} at ${where} (${name}); add them in smaller batches`,
      );
    return { kind: 'file', name, bytes };
  });
  urls.forEach((raw, i) => {
    const url = raw.trim();
    const where = `urls[${i}]`;
    if (url.length > INTAKE_LIMITS.maxUrlLength)
      throw new BadInputError('urls', `${where} is longer than ${INTAKE_LIMITS.maxUrlLength} characters`, where);
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new BadInputError('urls', `${where} is not an http(s) URL`, where);
    items.push({ kind: 'url', url });
  });
  return items;
}
