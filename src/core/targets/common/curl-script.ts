import { env, envHelp, type GenericSettings, TEST_BODY, TEST_SUBJECT } from './generic-settings';
import { oneLine, shQuote } from './quote';
import { FALLBACK_CAUSE, refusalCauses } from './smtp-refusal-causes';

/**
 * `name` from the environment variable, else the default. (A quoted default inside
 * "${VAR:-...}" would keep its quotes in bash, hence the two steps.)
 */
function withDefault(name: string, envName: string, fallback: string): string {
  const read = `${name}="\${${envName}:-}"`;
  return fallback === '' ? read : `${read}; [ -n "$${name}" ] || ${name}=${shQuote(fallback)}`;
}

/** The token request: form body, then curl with the body (and so the secrets) on stdin. */
function tokenRequest(s: GenericSettings): string[] {
  const grant =
    s.grantType === 'refresh_token'
      ? [
          withDefault('refresh_token', env.refreshToken, s.refreshTokenDefault),
          `[ -n "$refresh_token" ] || fail "Set ${env.refreshToken} to the refresh token (the wizard's Secret values)."`,
          'body="$body&grant_type=refresh_token&refresh_token=$(urlencode "$refresh_token")"',
        ]
      : ['body="$body&grant_type=client_credentials"'];
  const assertion = s.assertionHeader
    ? [
        `key_file="\${${env.privateKeyFile}:-}"`,
        `[ -n "$key_file" ] || fail "Set ${env.privateKeyFile} to the certificate's private key file (PEM)."`,
        "b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }",
        '# Client assertion (JWT, PS256) signed with the certificate key; valid for 10 minutes.',
        'now="$(date +%s)"',
        `unsigned=${shQuote(s.assertionHeader)}.$(printf \'{"aud":"%s","iss":"%s","sub":"%s","jti":"%s","nbf":%s,"exp":%s}\' \\`,
        '  "$token_url" "$client_id" "$client_id" "$(openssl rand -hex 16)" "$now" "$((now + 600))" | b64url)',
        'signature="$(printf \'%s\' "$unsigned" | openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sign "$key_file" -binary | b64url)"',
        'body="$body&client_assertion_type=$(urlencode urn:ietf:params:oauth:client-assertion-type:jwt-bearer)&client_assertion=$unsigned.$signature"',
      ]
    : [];
  const secret = s.needsClientSecret
    ? [
        withDefault('client_secret', env.clientSecret, s.clientSecretDefault),
        `[ -n "$client_secret" ] || fail "Set ${env.clientSecret} to the client secret (the wizard's Secret values)."`,
        'body="$body&client_secret=$(urlencode "$client_secret")"',
      ]
    : [];
  return [
    'get_token() {',
    '  local body status response',
    '  body="client_id=$(urlencode "$client_id")&scope=$(urlencode "$scope")"',
    ...[...grant, ...secret, ...assertion].map((l) => `  ${l}`),
    '  local ca_args=()',
    `  if [ -n "\${${env.caFile}:-}" ]; then ca_args=(--cacert "$${env.caFile}"); fi`,
    '  status="$(printf \'%s\' "$body" | curl --silent --show-error ${ca_args[@]+"${ca_args[@]}"} \\',
    "    --header 'Content-Type: application/x-www-form-urlencoded' --data-binary @- \\",
    '    --output "$response_file" --write-out \'%{http_code}\' "$token_url")" || fail "Token request to $token_url failed (see curl\'s message above)."',
    '  response="$(cat "$response_file")"',
    '  if [ "$status" != "200" ]; then',
    '    fail "Token request failed (HTTP $status): $(json_field error): $(json_field error_description)"',
    '  fi',
    '  access_token="$(json_field access_token)"',
    '  [ -n "$access_token" ] || fail "The token response carried no access_token."',
    ...(s.grantType === 'refresh_token'
      ? [
          '  if [ "$token_only" = true ] && [ -n "$(json_field refresh_token)" ]; then',
          '    echo "Note: the response also carried a new refresh token; systems that redeem it should keep the newest one." >&2',
          '  fi',
        ]
      : []),
    '}',
  ];
}

/** The login and test message over SMTP, by curl itself: STARTTLS (--ssl-reqd) and XOAUTH2 (--oauth2-bearer). */
function smtpSend(s: GenericSettings): string[] {
  const causes = refusalCauses(s);
  return [
    '# The likely cause of a refusal, by the reply text Exchange sends; the first match wins.',
    'likely_cause() {',
    ...causes.map(
      (c, i) => `  ${i === 0 ? 'if' : 'elif'} grep -Eiq ${shQuote(c.pattern)} <<<"$1"; then echo ${shQuote(c.cause)}`,
    ),
    `  else echo ${shQuote(FALLBACK_CAUSE)}`,
    '  fi',
    '}',
    '',
    'send_mail() {',
    "  # The URL path is the name curl says in EHLO (else it would say the upload file's name).",
    '  local url="smtp://$host:$port/${HOSTNAME:-localhost}" log reply error',
    '  [ "$port" = "465" ] && url="smtps://$host:$port/${HOSTNAME:-localhost}"',
    '  local ca_args=()',
    `  if [ -n "\${${env.smtpCaFile}:-}" ]; then ca_args=(--cacert "$${env.smtpCaFile}"); fi`,
    "  printf 'From: %s\\r\\nTo: %s\\r\\nSubject: %s\\r\\nDate: %s\\r\\nMIME-Version: 1.0\\r\\nContent-Type: text/plain; charset=utf-8\\r\\n\\r\\n%s\\r\\n' \\",
    `    "$from" "$to" ${shQuote(TEST_SUBJECT)} "$(LC_ALL=C date '+%a, %d %b %Y %H:%M:%S %z')" ${shQuote(TEST_BODY)} >"$message_file"`,
    '  # The token reaches curl as a config line on stdin, not on its command line where ps shows it.',
    "  # --verbose is kept in memory only, to pick out the server's replies (it also holds the token).",
    '  if log="$(printf \'oauth2-bearer = "%s"\\n\' "$access_token" | curl --silent --show-error --verbose --config - \\',
    '    --ssl-reqd ${ca_args[@]+"${ca_args[@]}"} --url "$url" --user "$user:" \\',
    '    --mail-from "$from" --mail-rcpt "$to" --upload-file "$message_file" 2>&1)"; then',
    "    reply=\"$(printf '%s\\n' \"$log\" | tr -d '\\r' | sed -n 's/^< \\(250 .*\\)$/\\1/p' | tail -n 1)\"",
    '    echo "Sent a test message from $from to $to as $user: $reply"',
    '    return',
    '  fi',
    "  reply=\"$(printf '%s\\n' \"$log\" | tr -d '\\r' | sed -n 's/^< \\([45][0-9][0-9] .*\\)$/\\1/p' | tail -n 1)\"",
    '  [ -n "$reply" ] && fail "SMTP refused: $reply. Likely cause: $(likely_cause "$reply")"',
    '  error="$(printf \'%s\\n\' "$log" | grep -E \'^curl: \\(\' | tail -n 1)"',
    `  case "$error" in *certificate*) error="$error (a relay or proxy with its own certificate: set ${env.smtpCaFile} to its CA)" ;; esac`,
    '  fail "Could not send through $host:$port: $error"',
    '}',
  ];
}

/**
 * A bash script that gets a fresh access token with curl and sends a test message with
 * curl's own SMTP client (XOAUTH2), or with --token-only prints just the token. Secrets go
 * to curl on stdin, never on its command line where `ps` shows them.
 */
export function curlScript(s: GenericSettings): string {
  return [
    '#!/usr/bin/env bash',
    `# Sends a test message as ${oneLine(s.user)} through ${oneLine(s.host)} with SMTP XOAUTH2, all with curl.`,
    '# Run: bash send-test-mail.sh               gets a token, then sends the test message to SMTP_TO',
    '#      bash send-test-mail.sh --token-only  prints only a fresh access token (for other tools)',
    ...envHelp(s, { ca: 'replaces' }).map((l) => `# ${l}`),
    '# curl also honours HTTPS_PROXY for the token request.',
    'set -euo pipefail',
    '',
    'fail() { printf \'%s\\n\' "$1" >&2; exit 1; }',
    'token_only=false',
    'case "${1:-}" in',
    '  --token-only) token_only=true ;;',
    '  "") ;;',
    '  *) fail "Unknown option $1: run without options to send a test message, or with --token-only." ;;',
    'esac',
    '',
    withDefault('host', env.host, s.host),
    withDefault('port', env.port, String(s.port)),
    withDefault('user', env.user, s.user),
    withDefault('from', env.from, s.from),
    `to="\${${env.to}:-$from}"`,
    withDefault('token_url', env.tokenUrl, s.tokenUrl),
    withDefault('client_id', env.clientId, s.clientId),
    withDefault('scope', env.scope, s.scope),
    '',
    '# Percent-encodes one form value byte by byte.',
    'urlencode() {',
    '  local LC_ALL=C s="$1" out="" c i',
    '  for ((i = 0; i < ${#s}; i++)); do',
    '    c="${s:i:1}"',
    '    case "$c" in',
    '      [a-zA-Z0-9.~_-]) out+="$c" ;;',
    "      *) out+=$(printf '%%%02X' \"'$c\") ;;",
    '    esac',
    '  done',
    '  printf \'%s\' "$out"',
    '}',
    '',
    '# Picks one string field out of the JSON response (no jq needed).',
    'json_field() { printf \'%s\' "$response" | tr -d \'\\n\' | sed -n "s/.*\\"$1\\"[[:space:]]*:[[:space:]]*\\"\\([^\\"]*\\)\\".*/\\1/p"; }',
    '',
    'response_file="$(mktemp)"',
    'message_file="$(mktemp)"',
    'trap \'rm -f "$response_file" "$message_file"\' EXIT',
    '',
    ...tokenRequest(s),
    '',
    ...smtpSend(s),
    '',
    `access_token="\${${env.accessToken}:-}"`,
    '[ -n "$access_token" ] || get_token',
    'if [ "$token_only" = true ]; then',
    '  printf \'%s\\n\' "$access_token"',
    '  exit 0',
    'fi',
    'send_mail',
  ].join('\n');
}
