// Exchange Online's SMTP reply texts (§7.2, §7.3, §7.6, §7.7). Each is "<enhanced code> <text>";
// the server writes them after the basic code without adding its own enhanced code.
export interface SmtpReply {
  readonly code: number;
  readonly text: string;
}

export function exchangeReplies(host: string) {
  return {
    // §7.3
    authOk: { code: 235, text: '2.7.0 Authentication successful' },
    authFailed: { code: 535, text: `5.7.3 Authentication unsuccessful [${host}]` },
    // §7.6 the 5.7.139 variants
    tenantDisabled: {
      code: 535,
      text: `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [${host}]`,
    },
    mailboxDisabled: {
      code: 535,
      text: `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [${host}]`,
    },
    securityDefaults: {
      code: 535,
      text: "5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    },
    conditionalAccess: {
      code: 535,
      text: '5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
    },
    // §7.6 (X8): Basic auth (AUTH LOGIN with a password) once retired
    basicAuthRetired: { code: 550, text: '5.7.30 Basic authentication is not supported for Client Submission.' },
    // §7.6 (X4) [reply code UNCONFIRMED]
    notAuthenticated: { code: 530, text: '5.7.57 Client not authenticated to send mail' },
    // App-only principal registered in Exchange but without FullAccess on the mailbox
    mailboxLogonFailure: { code: 430, text: '4.2.0 STOREDRV; mailbox logon failure' },
    // §7.7
    concurrentLimit: { code: 432, text: '4.3.2 Concurrent connections limit exceeded.' },
    // §7.7 Recipient Rate Limit [tail after "STORE" UNCONFIRMED]
    recipientLimit: {
      code: 554,
      text: '5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message Cannot submit message.',
    },
    // §7.6 after the end of DATA
    sendAsDenied: (authUser: string, from: string): SmtpReply => ({
      code: 554,
      text: `5.2.252 SendAsDenied; ${authUser} not allowed to send as ${from}; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message. [Hostname=${host}]`,
    }),
    // §7.6 (X4) the documented alternative [reply code and moment UNCONFIRMED: behaviour.sendAsDeniedReply]
    noSendAsPermission: { code: 550, text: '5.7.60 SMTP; Client does not have permissions to send as this sender' },
    // §7.2 success texts
    queued: (id: string): string => `2.0.0 OK <${id}> [Hostname=${host}]`,
  } as const;
}

export type ExchangeReplies = ReturnType<typeof exchangeReplies>;

/** An Error smtp-server turns into `<code> <text>`. */
export function smtpError(reply: SmtpReply): Error & { responseCode: number } {
  return Object.assign(new Error(reply.text), { responseCode: reply.code });
}
