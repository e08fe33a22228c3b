import { redactDetail } from '../redact';

/**
 * Microsoft's own words from an error description, ready to show: the sentence after
 * `AADSTSnnnn:` (redacted, since descriptions can echo what was sent), and a detail line
 * that keeps the trace and correlation IDs and the timestamp, which Microsoft support
 * asks for. Works on the token endpoint's `error_description` (IDs on their own lines)
 * and on MSAL's one-line `… - Correlation ID: … - Trace ID: …` form.
 */
export interface MicrosoftWords {
  /** The description without the code prefix and the ID block; empty when there is none. */
  readonly quote: string;
  /** `quote` plus `Trace ID: … Correlation ID: … Timestamp: …`, for the support report. */
  readonly detail: string;
}

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const IDS: readonly [string, RegExp][] = [
  ['Trace ID', new RegExp(`Trace ID:\\s*(${GUID})`, 'i')],
  ['Correlation ID', new RegExp(`Correlation ID:\\s*(${GUID})`, 'i')],
  ['Timestamp', /Timestamp:\s*(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)/i],
];

export function microsoftWords(description: string): MicrosoftWords {
  const text = description.slice(0, 4000);
  const afterCode = /AADSTS\d+:\s*([\s\S]*)/.exec(text)?.[1] ?? text;
  // The sentence ends where the ID block starts (a new line, or MSAL's " - Correlation ID").
  const sentence = afterCode.split(/\r?\n|\s-\s(?:Trace ID|Correlation ID|Timestamp):/i)[0] ?? '';
  const quote = redactDetail(sentence.trim()).slice(0, 400);
  const ids = IDS.flatMap(([name, re]) => {
    const m = re.exec(text);
    return m?.[1] ? [`${name}: ${m[1]}`] : [];
  });
  const head = /AADSTS\d+/.exec(text)?.[0];
  const shown = head && quote ? `${head}: ${quote}` : quote;
  return { quote, detail: [shown, ...ids].filter(Boolean).join(' · ') };
}
