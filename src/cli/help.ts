/** The text of `--help`: commands, options, exit codes and the JSON shapes in one place. */
export const HELP = `smtp-oauth-wizard: check and export Microsoft 365 SMTP OAuth2 set-ups from the command line.
Uses the same profiles and keychain as the desktop app.

Usage:
  smtp-oauth-wizard profiles list
  smtp-oauth-wizard profiles status | restore-backup | start-fresh
  smtp-oauth-wizard profiles export [<profile>...] --out FILE [--include-secrets] [--passphrase-file F] [--force]
  smtp-oauth-wizard profiles import FILE [--existing skip|replace|add] [--same-name add|replace|skip]
                                         [--without-secrets] [--passphrase-file F] [--dry-run]
  smtp-oauth-wizard token <profile> [--show-token]
  smtp-oauth-wizard verify <profile> [--send-to ADDRESS] [--verbose]
  smtp-oauth-wizard export <profile> --out DIR [--include-secrets] [--aem-direct | --aem-proxy-port N]
  smtp-oauth-wizard bulk-verify <profile> MAILBOXES.csv [--concurrency N] [--format csv|json] [--column NAME]
  smtp-oauth-wizard fix <profile> <problem code> [--yes] [--wait-minutes N] [--admin-client-id ID]
  smtp-oauth-wizard give-access <profile> [--group ADDRESS] [--yes] [--wait-minutes N] [--admin-client-id ID]
  smtp-oauth-wizard register --target ID [--flow delegated|app-only] --tenant DOMAIN|ID --mailbox ADDRESS
                             [--certificate] [--device-code] [--name NAME] [--app-name NAME] [--secret-months 6|12|24]
                             [--cloud ID --authority-host URL --graph-host URL --ca-file PEM --smtp-host H --smtp-port N]
                             [--admin-client-id ID] [--exchange [--group ADDRESS] [--yes] [--wait-minutes N]]
                             | --continue <profile>
  smtp-oauth-wizard sign-in <profile> --device-code|--browser

<profile> is a profile's id or its name (as \`profiles list\` shows them).

Commands:
  profiles list   The profiles of the desktop app: name, id, flow, target, mailbox, last check.
  profiles status Whether the profile file is readable (exit 3 when damaged or from a newer version).
  profiles restore-backup
                  Replaces a damaged profile file by its last good copy (profiles.json.bak).
  profiles start-fresh
                  Replaces a damaged profile file by an empty one. Either way the damaged file is
                  kept beside it (profiles.json.damaged-<time>).
  profiles export The named profiles (all when none is named) as one bundle file for another computer.
                  No secrets unless --include-secrets; then they are encrypted with a passphrase
                  (--passphrase-file F, env SMTP_OAUTH_WIZARD_PASSPHRASE, or typed on the terminal).
  profiles import The profiles of a bundle, their secrets into the keychain (needs the passphrase, or
                  --without-secrets). A profile already here (same id) is skipped unless
                  --existing replace|add; one whose name is taken is added as "name (imported)" unless
                  --same-name replace|skip. --dry-run prints what would happen and changes nothing.
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
  register        "Create it for me": an administrator signs in (the browser address is printed, or
                  --device-code prints a code) and the app registration, its credential (a client secret
                  straight into the keychain, or with --certificate a certificate made here), the enterprise
                  application and the admin consent are created; then the profile exists. --continue <profile>
                  resumes a run that stopped. The admin's token is kept in memory only.
                  --exchange then does Exchange's part as give-access does, in the same run: the same
                  admin sign-in is asked for the Exchange token first; where Entra refuses it, the reason
                  is printed and one more device-code sign-in follows. --group: App RBAC (the app is made
                  without SMTP.SendAsApp). Exit 1 with the PowerShell when Exchange's part failed.
  sign-in         Signs the mailbox user of a delegated profile in (system browser or device code); the
                  refresh token goes to the keychain.

  fix             When the profile's current diagnosis is <problem code> and has an Exchange command
                  (SMTP AUTH off, no Full Access, no Exchange service principal, Send As), shows the
                  commands, signs an Exchange administrator in by device code, runs them (after a
                  question, or at once with --yes) and checks SMTP again until it accepts: Exchange can
                  take up to an hour (--wait-minutes N, default 60; 0 checks once). It uses the REST
                  endpoint Exchange Online PowerShell itself uses, which Microsoft does not document as
                  an API; every failure prints the PowerShell to run by hand. The admin's token stays in
                  memory. --admin-client-id: the admin sign-in's public client (default: Exchange Online
                  PowerShell's).
  give-access     Exchange's part of the set-up, the same way as fix: app-only registers the app's
                  service principal in Exchange (with the Enterprise application object ID from its
                  token) and gives it Full Access to the mailbox (--group: App RBAC scoped to that
                  mail-enabled group instead); delegated checks SMTP AUTH for the mailbox and switches
                  it on for that mailbox only. Exchange is read first, so only what is missing runs.

Options for every command:
  --json            Machine-readable output on stdout (for bulk-verify the same as --format json).
  --data-dir DIR    The app's data folder (default: the desktop app's; env SMTP_OAUTH_WIZARD_HOME).
  -h, --help        This text.

Exit codes:
  0  everything checked worked
  1  a check failed (token refused or not fit for SMTP, SMTP login refused, a mailbox of a bulk run failed;
     fix, give-access, register --exchange: not fixed, or SMTP still refusing when the wait ended)
  2  bad usage or input (unknown command, option or profile, missing file, unreadable CSV rows or
     invalid addresses; the readable rows of a bulk run are still checked and reported; a wrong
     bundle passphrase, a damaged bundle or an unreadable profile in it)
  3  environment (keychain unavailable or locked, profile file damaged, from a newer version or
     locked by another process, data folder read-only, full or not writable)

JSON output:
  profiles list  { dataDir, profiles: [{ id, name, targetId, flow, mailbox, tokenState, ... }] }
  profiles status { ok, health: { state: ok|damaged|newer, file, unreadable?, reason?, backup? } }
  profiles restore-backup, start-fresh  { ok, action, keptAs, profiles }
  profiles export { ok, file, includeSecrets, profiles: [{ id, name }] }
  profiles import { ok, file, dryRun, encrypted, secretsImported,
                   results: [{ key, name, action: added|replaced|skipped|failed, profileId?, note }] }
  token          { ok, profile: { id, name }, flow, inspection: { claims, verdict }, expiresOn, accessToken? }
  verify         { ok, profile, verdict, report: { ok, authUser, problem?, warnings, transcript, ... } }
  export         { ok, profile, includeSecrets, files: [{ path, title, holdsSecret }] }
  fix            { ok, profile, fixed, plan?: { title, steps: [{ purpose, powershell }], powershell, notes },
                   run?: { ok, steps: [{ id, status }], problem? }, wait?: { ok, attempts, elapsedMs, problem? },
                   reason?, problem? }
  give-access    the same as fix
  register       { ok, profile: { id, name }, tenant: { id, name, initialDomain }, clientId, applicationObjectId,
                   servicePrincipalObjectId, credential, exchangeCommands, exchange?: <give-access's> }
  sign-in        { ok, profile, account, refreshTokenStored, inspection }
  bulk-verify    { profile, results: [{ line, mailbox, status, code?, title?, fix?, attempts, durationMs }],
                   summary: { total, ok, failed, invalid, byCode, tokenAcquisitions, durationMs } }
  errors         { ok: false, exitCode, error: { code, message }, problem? }
`;
