import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a stream of text into physical lines without ever holding more than `maxChars`
 * of one line: a hostile 60 MB line costs a counter, not 60 MB of string (and then the
 * copies every later step would make). LF ends a line; a CR before it is dropped, so
 * Windows and Unix files read alike. Bytes are decoded as UTF-8 across chunk borders.
 */
export interface PhysicalLine {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The line's text, or its first `maxChars` characters when it is longer. */
  readonly text: string;
  /** Set when the line was longer than `maxChars`: its full length in characters. */
  readonly overLength?: number;
}

export async function* boundedLines(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  maxChars: number,
): AsyncGenerator<PhysicalLine> {
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let kept = '';
  let length = 0;
  const finish = (): PhysicalLine => {
    const text = kept.endsWith('\r') && length <= maxChars ? kept.slice(0, -1) : kept;
    const done: PhysicalLine = length > maxChars ? { line, text, overLength: length } : { line, text };
    line += 1;
    kept = '';
    length = 0;
    return done;
  };
  const take = (part: string): void => {
    if (length < maxChars) kept += part.slice(0, maxChars - length);
    length += part.length;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      from = nl + 1;
      yield finish();
    }
    if (from < text.length) take(from === 0 ? text : text.slice(from));
  }
  take(decoder.end());
  if (length > 0) yield finish();
}
