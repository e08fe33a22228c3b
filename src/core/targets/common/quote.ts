/**
 * Literal quoting for each language the exports are written in, so that a value the
 * user typed (a tenant, an address, a secret) can never break out of its string.
 */

/** POSIX shell single quotes: nothing inside is interpreted. */
export const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** PowerShell single-quoted (verbatim) string; a quote is doubled. */
export const psQuote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A JSON string literal is also a valid JavaScript, Python and C# string literal. */
export const codeString = (s: string): string => JSON.stringify(s);

/** .env value: bare when plainly safe, otherwise single-quoted (read literally by dotenv parsers and sh). */
export const dotenvValue = (s: string): string => (/^[A-Za-z0-9_./:@+-]*$/.test(s) ? s : shQuote(s));

/** Text safe inside a one-line comment of any language: line breaks and controls become spaces. */
export const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
