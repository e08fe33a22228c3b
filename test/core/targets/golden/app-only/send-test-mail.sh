#!/usr/bin/env bash
# Sends a test message as noreply@contoso.com through smtp.office365.com with SMTP XOAUTH2, all with curl.
# Run: bash send-test-mail.sh               gets a token, then sends the test message to SMTP_TO
#      bash send-test-mail.sh --token-only  prints only a fresh access token (for other tools)
# Settings come from environment variables (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_FROM, SMTP_TO,
# SMTP_OAUTH_TOKEN_URL, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_SCOPE); the values below are this profile's defaults.
# Secrets are read from SMTP_OAUTH_CLIENT_SECRET.
# Or set SMTP_OAUTH_ACCESS_TOKEN to use an access token you already have.
# Optional, one CA certificate file (PEM) for each connection, that curl then trusts instead of its usual ones:
#   SMTP_OAUTH_CA_FILE for the token endpoint (e.g. a TLS-inspecting proxy),
#   SMTP_CA_FILE for the SMTP server (e.g. an internal relay). Each applies to its own connection only.
# curl also honours HTTPS_PROXY for the token request.
set -euo pipefail

fail() { printf '%s\n' "$1" >&2; exit 1; }
token_only=false
case "${1:-}" in
  --token-only) token_only=true ;;
  "") ;;
  *) fail "Unknown option $1: run without options to send a test message, or with --token-only." ;;
esac

host="${SMTP_HOST:-}"; [ -n "$host" ] || host='smtp.office365.com'
port="${SMTP_PORT:-}"; [ -n "$port" ] || port='587'
user="${SMTP_USER:-}"; [ -n "$user" ] || user='noreply@contoso.com'
from="${SMTP_FROM:-}"; [ -n "$from" ] || from='noreply@contoso.com'
to="${SMTP_TO:-$from}"
token_url="${SMTP_OAUTH_TOKEN_URL:-}"; [ -n "$token_url" ] || token_url='https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111/oauth2/v2.0/token'
client_id="${SMTP_OAUTH_CLIENT_ID:-}"; [ -n "$client_id" ] || client_id='aaaaaaaa-0000-4000-8000-000000000001'
scope="${SMTP_OAUTH_SCOPE:-}"; [ -n "$scope" ] || scope='https://outlook.office365.com/.default'

# Percent-encodes one form value byte by byte.
urlencode() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

# Picks one string field out of the JSON response (no jq needed).
json_field() { printf '%s' "$response" | tr -d '\n' | sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"; }

response_file="$(mktemp)"
message_file="$(mktemp)"
trap 'rm -f "$response_file" "$message_file"' EXIT

get_token() {
  local body status response
  body="client_id=$(urlencode "$client_id")&scope=$(urlencode "$scope")"
  body="$body&grant_type=client_credentials"
  client_secret="${SMTP_OAUTH_CLIENT_SECRET:-}"
  [ -n "$client_secret" ] || fail "Set SMTP_OAUTH_CLIENT_SECRET to the client secret (the wizard's Secret values)."
  body="$body&client_secret=$(urlencode "$client_secret")"
  local ca_args=()
  if [ -n "${SMTP_OAUTH_CA_FILE:-}" ]; then ca_args=(--cacert "$SMTP_OAUTH_CA_FILE"); fi
  status="$(printf '%s' "$body" | curl --silent --show-error ${ca_args[@]+"${ca_args[@]}"} \
    --header 'Content-Type: application/x-www-form-urlencoded' --data-binary @- \
    --output "$response_file" --write-out '%{http_code}' "$token_url")" || fail "Token request to $token_url failed (see curl's message above)."
  response="$(cat "$response_file")"
  if [ "$status" != "200" ]; then
    fail "Token request failed (HTTP $status): $(json_field error): $(json_field error_description)"
  fi
  access_token="$(json_field access_token)"
  [ -n "$access_token" ] || fail "The token response carried no access_token."
}

# The likely cause of a refusal, by the reply text Exchange sends; the first match wins.
likely_cause() {
  if grep -Eiq '5\.7\.139.*disabled for the Tenant' <<<"$1"; then echo 'SMTP AUTH is turned off for the whole tenant: turn it on for this mailbox (Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false) or for the tenant (Set-TransportConfig -SmtpClientAuthenticationDisabled $false).'
  elif grep -Eiq '5\.7\.139.*disabled for the Mailbox' <<<"$1"; then echo 'SMTP AUTH is turned off for this mailbox: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false.'
  elif grep -Eiq 'security defaults' <<<"$1"; then echo 'Security defaults block SMTP AUTH in this tenant: an Entra admin has to turn them off (and protect sign-ins with Conditional Access instead).'
  elif grep -Eiq 'did not meet the criteria' <<<"$1"; then echo 'A Conditional Access policy blocks this login: ask the Entra admin which policy applies to SMTP.'
  elif grep -Eiq '5\.7\.3 ' <<<"$1"; then echo 'Exchange refused the token: the app needs the SMTP.SendAsApp application permission with admin consent, a service principal in Exchange (New-ServicePrincipal) and FullAccess on SMTP_USER (Add-MailboxPermission); new permissions can take up to an hour.'
  elif grep -Eiq '4\.2\.0.*mailbox logon failure' <<<"$1"; then echo 'The app is registered in Exchange but may not use this mailbox: Add-MailboxPermission -Identity <mailbox> -User <service principal> -AccessRights FullAccess (can take up to an hour).'
  elif grep -Eiq 'SendAsDenied|5\.7\.60' <<<"$1"; then echo 'SMTP_USER may not send as SMTP_FROM: give it Send As (Add-RecipientPermission) or send from its own address.'
  elif grep -Eiq '4\.3\.2' <<<"$1"; then echo 'The mailbox already has 3 connections sending at once (Exchange allows 3): try again in a moment.'
  else echo 'not one this script recognises: the wizard'\''s Verify step explains the reply with the fix.'
  fi
}

send_mail() {
  # The URL path is the name curl says in EHLO (else it would say the upload file's name).
  local url="smtp://$host:$port/${HOSTNAME:-localhost}" log reply error
  [ "$port" = "465" ] && url="smtps://$host:$port/${HOSTNAME:-localhost}"
  local ca_args=()
  if [ -n "${SMTP_CA_FILE:-}" ]; then ca_args=(--cacert "$SMTP_CA_FILE"); fi
  printf 'From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' \
    "$from" "$to" 'SMTP OAuth2 test message' "$(LC_ALL=C date '+%a, %d %b %Y %H:%M:%S %z')" 'This message was sent with SMTP XOAUTH2 to check the OAuth set-up.' >"$message_file"
  # The token reaches curl as a config line on stdin, not on its command line where ps shows it.
  # --verbose is kept in memory only, to pick out the server's replies (it also holds the token).
  if log="$(printf 'oauth2-bearer = "%s"\n' "$access_token" | curl --silent --show-error --verbose --config - \
    --ssl-reqd ${ca_args[@]+"${ca_args[@]}"} --url "$url" --user "$user:" \
    --mail-from "$from" --mail-rcpt "$to" --upload-file "$message_file" 2>&1)"; then
    reply="$(printf '%s\n' "$log" | tr -d '\r' | sed -n 's/^< \(250 .*\)$/\1/p' | tail -n 1)"
    echo "Sent a test message from $from to $to as $user: $reply"
    return
  fi
  reply="$(printf '%s\n' "$log" | tr -d '\r' | sed -n 's/^< \([45][0-9][0-9] .*\)$/\1/p' | tail -n 1)"
  [ -n "$reply" ] && fail "SMTP refused: $reply. Likely cause: $(likely_cause "$reply")"
  error="$(printf '%s\n' "$log" | grep -E '^curl: \(' | tail -n 1)"
  case "$error" in *certificate*) error="$error (a relay or proxy with its own certificate: set SMTP_CA_FILE to its CA)" ;; esac
  fail "Could not send through $host:$port: $error"
}

access_token="${SMTP_OAUTH_ACCESS_TOKEN:-}"
[ -n "$access_token" ] || get_token
if [ "$token_only" = true ]; then
  printf '%s\n' "$access_token"
  exit 0
fi
send_mail
