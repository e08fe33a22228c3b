/**
 * The PowerShell commands inside a checklist step's text, so each gets a copy button:
 * a cmdlet (Set-/Get-/New-/Add-/Remove-) followed by parameters or a pipe, up to the end
 * of the sentence, a comma or an opening parenthesis. Placeholders the wizard knows are
 * filled in; the others (`<object id>`) stay for the admin to replace.
 */
const COMMAND = /\b(?:Set|Get|New|Add|Remove)-[A-Za-z]+(?=\s+[-|])(?:[^.,(]|\.(?!\s|$))*/g;

export function commandsIn(text: string, values: Readonly<Record<string, string>> = {}): string[] {
  const found = [...text.matchAll(COMMAND)].map((m) => m[0].trim());
  return found.map((command) =>
    Object.entries(values).reduce((c, [placeholder, value]) => (value ? c.replaceAll(placeholder, value) : c), command),
  );
}
