import { env, envHelp, type GenericSettings } from './generic-settings';
import { oneLine, shQuote } from './quote';

/**
 * `name` from the environment variable, else the default. (A quoted default inside
 * "${VAR:-...}" would keep its quotes in bash, hence the two steps.)
 */
function withDefault(name: string, envName: string, fallback: string): string {
  const read = `${name}="\${${envName}:-}"`;
  return fallback === '' ? read : `${read}; [ -n "$${name}" ] || ${name}=${shQuote(fallback)}`;
}

/**
 * A bash script that gets a fresh access token with curl and prints it (only it) on
 * stdout. Secrets go to curl on stdin, never on its command line where `ps` shows them.
 */
export function curlScript(s: GenericSettings): string {
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
    '#!/usr/bin/env bash',
    `# Gets a fresh SMTP access token for ${oneLine(s.user)} and prints it on stdout.`,
    ...envHelp(s, { acceptsAccessToken: false }).map((l) => `# ${l}`),
    '# curl also honours CURL_CA_BUNDLE and HTTPS_PROXY.',
    'set -euo pipefail',
    '',
    withDefault('token_url', env.tokenUrl, s.tokenUrl),
    withDefault('client_id', env.clientId, s.clientId),
    withDefault('scope', env.scope, s.scope),
    '',
    'fail() { printf \'%s\\n\' "$1" >&2; exit 1; }',
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
    'body="client_id=$(urlencode "$client_id")&scope=$(urlencode "$scope")"',
    ...grant,
    ...secret,
    ...assertion,
    '',
    'ca_args=()',
    `if [ -n "\${${env.caFile}:-}" ]; then ca_args=(--cacert "$${env.caFile}"); fi`,
    '',
    'response_file="$(mktemp)"',
    'trap \'rm -f "$response_file"\' EXIT',
    'status="$(printf \'%s\' "$body" | curl --silent --show-error ${ca_args[@]+"${ca_args[@]}"} \\',
    "  --header 'Content-Type: application/x-www-form-urlencoded' --data-binary @- \\",
    '  --output "$response_file" --write-out \'%{http_code}\' "$token_url")"',
    'response="$(cat "$response_file")"',
    '',
    '# Picks one string field out of the JSON response (no jq needed).',
    'json_field() { printf \'%s\' "$response" | tr -d \'\\n\' | sed -n "s/.*\\"$1\\"[[:space:]]*:[[:space:]]*\\"\\([^\\"]*\\)\\".*/\\1/p"; }',
    '',
    'if [ "$status" != "200" ]; then',
    '  fail "Token request failed (HTTP $status): $(json_field error): $(json_field error_description)"',
    'fi',
    'access_token="$(json_field access_token)"',
    '[ -n "$access_token" ] || fail "The token response carried no access_token."',
    ...(s.grantType === 'refresh_token'
      ? [
          'if [ -n "$(json_field refresh_token)" ]; then',
          '  echo "Note: the response also carried a new refresh token; systems that redeem it should keep the newest one." >&2',
          'fi',
        ]
      : []),
    'printf \'%s\\n\' "$access_token"',
  ].join('\n');
}
