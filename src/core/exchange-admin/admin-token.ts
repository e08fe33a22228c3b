/**
 * Where the admin's Exchange token comes from: an admin sign-in (window, browser or device code)
 * that keeps its tokens in memory only. Behind a port so the window, the CLI and tests each give
 * their own; the Exchange client asks for a token per call and the source caches it.
 */
export interface AdminAccount {
  /** The admin's UPN: Exchange routes by it (`X-AnchorMailbox: UPN:…`) and commands name it. */
  readonly upn: string;
  /** The tenant GUID the admin signed in to (the `tid` claim): the InvokeCommand URL names it. */
  readonly tenantId: string;
}

export interface AdminToken {
  /** Memory only: never stored, logged or put into a Problem. */
  readonly accessToken: string;
  readonly account: AdminAccount;
}

export interface AdminTokenSource {
  /** A token for `resource` (e.g. `https://outlook.office365.com`), signing the admin in if needed. */
  tokenFor(resource: string, signal?: AbortSignal): Promise<AdminToken>;
}
