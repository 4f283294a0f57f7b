/**
 * Lines of a byte stream with a ceiling per line: a line longer than
 * `maxBytes` is skipped to its end (and reported as such), never buffered
 * whole, so a file with no newline cannot fill memory.
 */
export type Line = { n: number; text: string } | { n: number; tooLong: true };

export async function* boundedLines(stream: AsyncIterable<Buffer | Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let n = 0;
  const finish = (): Line => {
    n++;
    const line: Line = overflow ? { n, tooLong: true } : { n, text: Buffer.concat(parts).toString('utf8').replace(/\r$/, '') };
    parts = [];
    size = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of stream) {
    let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    for (let nl = buffer.indexOf(10); nl !== -1; nl = buffer.indexOf(10)) {
      append(buffer.subarray(0, nl));
      yield finish();
      buffer = buffer.subarray(nl + 1);
    }
    append(buffer);
  }
  if (size > 0 || overflow) yield finish();

  function append(piece: Buffer): void {
    if (overflow || piece.length === 0) return;
    if (size + piece.length > maxBytes) {
      overflow = true;
      parts = [];
      return;
    }
    parts.push(Buffer.from(piece)); // a copy: the stream may reuse its chunk
    size += piece.length;
  }
}
