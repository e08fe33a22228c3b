#!/usr/bin/env bash
# Gets a fresh SMTP access token for noreply@contoso.com and prints it on stdout.
# Settings come from environment variables (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_FROM, SMTP_TO,
# SMTP_OAUTH_TOKEN_URL, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_SCOPE); the values below are this profile's defaults.
# The certificate's private key (PEM) is read from the file named by SMTP_OAUTH_PRIVATE_KEY_FILE.
# Optional: SMTP_OAUTH_CA_FILE = an extra CA certificate (PEM) to trust, e.g. for a TLS-inspecting proxy.
# curl also honours CURL_CA_BUNDLE and HTTPS_PROXY.
set -euo pipefail

token_url="${SMTP_OAUTH_TOKEN_URL:-}"; [ -n "$token_url" ] || token_url='https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111/oauth2/v2.0/token'
client_id="${SMTP_OAUTH_CLIENT_ID:-}"; [ -n "$client_id" ] || client_id='aaaaaaaa-0000-4000-8000-000000000001'
scope="${SMTP_OAUTH_SCOPE:-}"; [ -n "$scope" ] || scope='https://outlook.office365.com/.default'

fail() { printf '%s\n' "$1" >&2; exit 1; }

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

body="client_id=$(urlencode "$client_id")&scope=$(urlencode "$scope")"
body="$body&grant_type=client_credentials"
key_file="${SMTP_OAUTH_PRIVATE_KEY_FILE:-}"
[ -n "$key_file" ] || fail "Set SMTP_OAUTH_PRIVATE_KEY_FILE to the certificate's private key file (PEM)."
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# Client assertion (JWT, PS256) signed with the certificate key; valid for 10 minutes.
now="$(date +%s)"
unsigned='eyJhbGciOiJQUzI1NiIsInR5cCI6IkpXVCIsIng1dCNTMjU2IjoiQUJFaU0wUlZabmVJbWFxN3pOM3Vfd0FSSWpORVZXWjNpSm1xdTh6ZDd2OCJ9'.$(printf '{"aud":"%s","iss":"%s","sub":"%s","jti":"%s","nbf":%s,"exp":%s}' \
  "$token_url" "$client_id" "$client_id" "$(openssl rand -hex 16)" "$now" "$((now + 600))" | b64url)
signature="$(printf '%s' "$unsigned" | openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sign "$key_file" -binary | b64url)"
body="$body&client_assertion_type=$(urlencode urn:ietf:params:oauth:client-assertion-type:jwt-bearer)&client_assertion=$unsigned.$signature"

ca_args=()
if [ -n "${SMTP_OAUTH_CA_FILE:-}" ]; then ca_args=(--cacert "$SMTP_OAUTH_CA_FILE"); fi

response_file="$(mktemp)"
trap 'rm -f "$response_file"' EXIT
status="$(printf '%s' "$body" | curl --silent --show-error ${ca_args[@]+"${ca_args[@]}"} \
  --header 'Content-Type: application/x-www-form-urlencoded' --data-binary @- \
  --output "$response_file" --write-out '%{http_code}' "$token_url")"
response="$(cat "$response_file")"

# Picks one string field out of the JSON response (no jq needed).
json_field() { printf '%s' "$response" | tr -d '\n' | sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"; }

if [ "$status" != "200" ]; then
  fail "Token request failed (HTTP $status): $(json_field error): $(json_field error_description)"
fi
access_token="$(json_field access_token)"
[ -n "$access_token" ] || fail "The token response carried no access_token."
printf '%s\n' "$access_token"
