/** The text of `--help`: commands, options, exit codes and the JSON shapes in one place. */
export const HELP = `smtp-oauth-wizard: check and export Microsoft 365 SMTP OAuth2 set-ups from the command line.
Uses the same profiles and keychain as the desktop app.

Usage:
  smtp-oauth-wizard profiles list
  smtp-oauth-wizard profiles status | restore-backup | start-fresh
  smtp-oauth-wizard token <profile> [--show-token]
  smtp-oauth-wizard verify <profile> [--send-to ADDRESS] [--verbose]
  smtp-oauth-wizard export <profile> --out DIR [--include-secrets] [--aem-direct | --aem-proxy-port N]
  smtp-oauth-wizard bulk-verify <profile> MAILBOXES.csv [--concurrency N] [--format csv|json] [--column NAME]

<profile> is a profile's id or its name (as \`profiles list\` shows them).

Commands:
  profiles list   The profiles of the desktop app: name, id, flow, target, mailbox, last check.
  profiles status Whether the profile file is readable (exit 3 when damaged or from a newer version).
  profiles restore-backup
                  Replaces a damaged profile file by its last good copy (profiles.json.bak).
  profiles start-fresh
                  Replaces a damaged profile file by an empty one. Either way the damaged file is
                  kept beside it (profiles.json.damaged-<time>).
  token           Gets a token (app-only: client credentials; delegated: redeems the stored refresh
                  token the way the mail system will) and explains its claims and whether SMTP will
                  take it. The token itself is printed only with --show-token.
  verify          Gets a token and logs in to SMTP with XOAUTH2; --send-to also sends a test message.
                  A failure is explained with the fix. --verbose prints the transcript (tokens redacted).
  export          Writes the files the profile's target system needs into DIR. Secrets are
                  placeholders unless --include-secrets (those files are saved owner-only).
                  AEM: as a Cloud Service through its egress proxy and a port forward from port N
                  (--aem-proxy-port, 30000-30999, default 30587); --aem-direct for AEM 6.5 and
                  Managed Services, which connect to the SMTP host directly.
  bulk-verify     App-only profiles: one token, an XOAUTH2 login check for every mailbox in the CSV
                  (a header column named Mailbox, Email, PrimarySmtpAddress or UserPrincipalName, or
                  else the first column). --concurrency N checks at once (default 16); never more than
                  3 connections to one mailbox. Results go to stdout as CSV (line, mailbox, status,
                  code, title, fix, attempts, duration_ms) or JSON; progress and a summary to stderr.

Options for every command:
  --json            Machine-readable output on stdout (for bulk-verify the same as --format json).
  --data-dir DIR    The app's data folder (default: the desktop app's; env SMTP_OAUTH_WIZARD_HOME).
  -h, --help        This text.

Exit codes:
  0  everything checked worked
  1  a check failed (token refused or not fit for SMTP, SMTP login refused, a mailbox of a bulk run failed)
  2  bad usage or input (unknown command, option or profile, missing file, unreadable CSV rows or
     invalid addresses; the readable rows of a bulk run are still checked and reported)
  3  environment (keychain unavailable or locked, profile file damaged, from a newer version or
     locked by another process, data folder read-only, full or not writable)

JSON output:
  profiles list  { dataDir, profiles: [{ id, name, targetId, flow, mailbox, tokenState, ... }] }
  profiles status { ok, health: { state: ok|damaged|newer, file, unreadable?, reason?, backup? } }
  profiles restore-backup, start-fresh  { ok, action, keptAs, profiles }
  token          { ok, profile: { id, name }, flow, inspection: { claims, verdict }, expiresOn, accessToken? }
  verify         { ok, profile, verdict, report: { ok, authUser, problem?, warnings, transcript, ... } }
  export         { ok, profile, includeSecrets, files: [{ path, title, holdsSecret }] }
  bulk-verify    { profile, results: [{ line, mailbox, status, code?, title?, fix?, attempts, durationMs }],
                   summary: { total, ok, failed, invalid, byCode, tokenAcquisitions, durationMs } }
  errors         { ok: false, exitCode, error: { code, message }, problem? }
`;
