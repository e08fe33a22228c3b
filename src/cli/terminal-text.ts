/**
 * What may reach a terminal. A CSV cell, an identity provider's `error_description` or an
 * SMTP reply is text from outside, and a terminal obeys the escape sequences in it: colour
 * is the harmless case; others move the cursor to overwrite earlier lines, set the window
 * title, or (on some terminals) write files or answer back into the input. So every
 * control character is taken out before anything is printed: whole ANSI/VT sequences
 * (CSI, OSC, DCS and two-character escapes), then any C0 or C1 control or DEL left over,
 * and the bidirectional overrides that make a line read differently from what it holds.
 * Line feed and tab stay: they are how our own output is laid out.
 */
// CSI (ESC [ or 8-bit CSI) with its parameters; a string sequence (OSC, DCS, SOS, PM, APC)
// up to its terminator; a two-character escape. A string sequence without its terminator is
// left to the control pass (its introducer goes, its text stays visible), and no body runs
// past a line end or another introducer, so each character is looked at a bounded number of
// times however hostile the text.
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x90-\x9f\n]*(?:\x07|\x1b\\|\x9c)|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
