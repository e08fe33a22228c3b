// Knobs for what the reference leaves open about Exchange's admin REST (§14) and how long its
// changes take to reach SMTP (§13.5.2: "30 minutes to 2 hours" in third-party notes; §7.4 "about an hour").
export interface ExchangeAdminSwitches {
  /** Minutes of emulator time before a change made through InvokeCommand reaches SMTP (0 = at once). */
  propagationMinutes: number;
  /**
   * How a signed-in user without an Exchange admin role is refused (§14.1.3, §14.2.7): the module's
   * "The term '…' is not recognized" as a cmdlet error, or a bare HTTP 403. Which one REST gives is
   * [UNCONFIRMED]; clients must handle both.
   */
  nonAdminReply: 'cmdlet-not-recognized' | 'http-403';
  /** Rows per page when the request has no `Prefer: odata.maxpagesize` (ExoHelper's default, §14.1.2). */
  defaultPageSize: number;
  /** The most rows a page holds whatever the client asks for (lets tests make the client follow nextLink). */
  maxPageSize: number;
  /**
   * Whether a Microsoft first-party public client (Microsoft Graph Command Line Tools, 14d82eec, which
   * "Create it for me" signs the admin in with) may get a token for Exchange Online with Exchange.Manage.
   * Default 'not-preauthorized': the reference (§13.1.2) marks it [UNCONFIRMED] for 14d82eec, and
   * Entra's AADSTS65002 text says a Microsoft-owned client needs the API owner's preauthorization,
   * which no Microsoft page documents for this pair; so the faithful default is the refusal, and the
   * product must cope with it (a second sign-in with Exchange Online PowerShell's client).
   * 'preauthorized': the token is issued with Exchange.Manage and no consent page, as preauthorized
   * first-party clients get it.
   */
  firstPartyExchange: 'not-preauthorized' | 'preauthorized';
}

export const defaultExchangeAdminSwitches = (): ExchangeAdminSwitches => ({
  propagationMinutes: 0,
  nonAdminReply: 'cmdlet-not-recognized',
  defaultPageSize: 100,
  maxPageSize: 1000,
  firstPartyExchange: 'not-preauthorized',
});
