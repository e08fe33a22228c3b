#!/usr/bin/env python3
# Sends a test message as noreply@contoso.com through smtp.office365.com with SMTP XOAUTH2.
"""Sends a test message with SMTP XOAUTH2, Python standard library only.

Settings come from environment variables (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_FROM, SMTP_TO,
SMTP_OAUTH_TOKEN_URL, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_SCOPE); the values below are this profile's defaults.
The certificate's private key (PEM) is read from the file named by SMTP_OAUTH_PRIVATE_KEY_FILE.
Or set SMTP_OAUTH_ACCESS_TOKEN to use an access token you already have.
Optional, one CA certificate file (PEM) for each connection, to trust besides the usual ones:
  SMTP_OAUTH_CA_FILE for the token endpoint (e.g. a TLS-inspecting proxy),
  SMTP_CA_FILE for the SMTP server (e.g. an internal relay). Each applies to its own connection only.
"""
import base64
import json
import os
import re
import smtplib
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from email.message import EmailMessage


def setting(name, default=""):
    return os.environ.get(name) or default


HOST = setting("SMTP_HOST", "smtp.office365.com")
PORT = int(setting("SMTP_PORT", "587"))
USER = setting("SMTP_USER", "noreply@contoso.com")
FROM = setting("SMTP_FROM", "noreply@contoso.com")
TO = setting("SMTP_TO", FROM)
TOKEN_URL = setting("SMTP_OAUTH_TOKEN_URL", "https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111/oauth2/v2.0/token")
CLIENT_ID = setting("SMTP_OAUTH_CLIENT_ID", "aaaaaaaa-0000-4000-8000-000000000001")
SCOPE = setting("SMTP_OAUTH_SCOPE", "https://outlook.office365.com/.default")


def tls_context(ca_variable):
    context = ssl.create_default_context()
    ca_file = setting(ca_variable)
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


def required(name, default=""):
    value = setting(name, default)
    if not value:
        sys.exit(f"Set {name} (see the notes at the top of this file).")
    return value


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


# A JWT (PS256) signed with the certificate's private key, valid for 10 minutes.
def client_assertion():
    key_file = required("SMTP_OAUTH_PRIVATE_KEY_FILE")
    now = int(time.time())
    claims = {"aud": TOKEN_URL, "iss": CLIENT_ID, "sub": CLIENT_ID, "jti": str(uuid.uuid4()), "nbf": now, "exp": now + 600}
    unsigned = "eyJhbGciOiJQUzI1NiIsInR5cCI6IkpXVCIsIng1dCNTMjU2IjoiQUJFaU0wUlZabmVJbWFxN3pOM3Vfd0FSSWpORVZXWjNpSm1xdTh6ZDd2OCJ9" + "." + b64url(json.dumps(claims).encode())
    # The standard library has no RSA, so openssl signs: RSASSA-PSS, SHA-256, 32-byte salt.
    openssl = ["openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sign", key_file, "-binary"]
    signature = subprocess.run(openssl, input=unsigned.encode(), capture_output=True, check=True).stdout
    return unsigned + "." + b64url(signature)


def access_token():
    token = setting("SMTP_OAUTH_ACCESS_TOKEN")
    if token:
        return token
    form = {"client_id": CLIENT_ID, "scope": SCOPE, "grant_type": "client_credentials"}
    form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    form["client_assertion"] = client_assertion()
    request = urllib.request.Request(TOKEN_URL, data=urllib.parse.urlencode(form).encode(), method="POST")
    try:
        with urllib.request.urlopen(request, context=tls_context("SMTP_OAUTH_CA_FILE"), timeout=30) as response:
            return json.load(response)["access_token"]
    except urllib.error.HTTPError as error:
        try:
            body = json.loads(error.read() or b"{}")
        except ValueError:
            body = {}
        sys.exit(f"Token request failed ({error.code}): {body.get('error')}: {body.get('error_description')}")
    except (urllib.error.URLError, OSError) as error:
        sys.exit(f"Token request to {TOKEN_URL} failed: {getattr(error, 'reason', error)}")


# The likely cause of a refusal, by the reply text Exchange sends; the first match wins.
CAUSES = [
    ("5\\.7\\.139.*disabled for the Tenant", "SMTP AUTH is turned off for the whole tenant: turn it on for this mailbox (Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false) or for the tenant (Set-TransportConfig -SmtpClientAuthenticationDisabled $false)."),
    ("5\\.7\\.139.*disabled for the Mailbox", "SMTP AUTH is turned off for this mailbox: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false."),
    ("security defaults", "Security defaults block SMTP AUTH in this tenant: an Entra admin has to turn them off (and protect sign-ins with Conditional Access instead)."),
    ("did not meet the criteria", "A Conditional Access policy blocks this login: ask the Entra admin which policy applies to SMTP."),
    ("5\\.7\\.3 ", "Exchange refused the token: the app needs the SMTP.SendAsApp application permission with admin consent, a service principal in Exchange (New-ServicePrincipal) and FullAccess on SMTP_USER (Add-MailboxPermission); new permissions can take up to an hour."),
    ("4\\.2\\.0.*mailbox logon failure", "The app is registered in Exchange but may not use this mailbox: Add-MailboxPermission -Identity <mailbox> -User <service principal> -AccessRights FullAccess (can take up to an hour)."),
    ("SendAsDenied|5\\.7\\.60", "SMTP_USER may not send as SMTP_FROM: give it Send As (Add-RecipientPermission) or send from its own address."),
    ("4\\.3\\.2", "The mailbox already has 3 connections sending at once (Exchange allows 3): try again in a moment."),
]


def refused(code, reply):
    text = " ".join(f"{code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}".split())
    cause = next((c for p, c in CAUSES if re.search(p, text, re.IGNORECASE)), "not one this script recognises: the wizard's Verify step explains the reply with the fix.")
    sys.exit(f"SMTP refused: {text}. Likely cause: {cause}")


def send(token):
    message = EmailMessage()
    message["From"] = FROM
    message["To"] = TO
    message["Subject"] = "SMTP OAuth2 test message"
    message.set_content("This message was sent with SMTP XOAUTH2 to check the OAuth set-up.")
    xoauth2 = f"user={USER}\x01auth=Bearer {token}\x01\x01"
    context = tls_context("SMTP_CA_FILE")
    try:
        if PORT == 465:
            smtp = smtplib.SMTP_SSL(HOST, PORT, context=context, timeout=30)
        else:
            smtp = smtplib.SMTP(HOST, PORT, timeout=30)
        with smtp:
            if PORT != 465:
                smtp.starttls(context=context)
            smtp.ehlo()  # auth() does not say EHLO itself, and AUTH is only offered after it
            # A server that answers a rejected token with a 334 challenge ends it on an empty answer.
            code, reply = smtp.auth("XOAUTH2", lambda challenge=None: "" if challenge else xoauth2)
            if code != 235:  # smtplib returns 503 (bad sequence) without raising
                refused(code, reply)
            smtp.send_message(message)
    # smtplib raises on a refused login (535) or message; say why in one line, no traceback.
    except smtplib.SMTPRecipientsRefused as error:
        code, reply = next(iter(error.recipients.values()))
        refused(code, reply)
    except smtplib.SMTPResponseException as error:
        refused(error.smtp_code, error.smtp_error)
    except (smtplib.SMTPException, OSError) as error:
        sys.exit(f"Could not send through {HOST}:{PORT}: {error}")
    print(f"Sent a test message from {FROM} to {TO} as {USER}.")


if __name__ == "__main__":
    send(access_token())
