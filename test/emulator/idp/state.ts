// The IdP's memory: codes, refresh tokens, consents, device codes, sign-in transactions, sessions.
import { randomBytes } from 'node:crypto';

/** Who signed in: a work account of a tenant, or a personal (consumer) account. */
export interface SignedInUser {
  readonly kind: 'org' | 'consumer';
  readonly tenantId: string;
  readonly upn: string;
  readonly oid: string;
  readonly name: string;
}

/** A completed interactive sign-in, carried by codes and refresh tokens. */
export interface Grant {
  readonly clientId: string;
  readonly user: SignedInUser;
  /** Scopes asked for at sign-in (raw string). */
  readonly scope: string;
  readonly authTime: number;
  readonly mfa: boolean;
  /** Issued to an SPA redirect: 24 h fixed refresh-token lifetime (§6). */
  readonly spa: boolean;
}

export interface CodeRecord extends Grant {
  readonly redirectUri: string;
  readonly codeChallenge?: string;
  readonly codeChallengeMethod: 'S256' | 'plain';
  readonly nonce?: string;
  readonly issuedAt: number;
  used: boolean;
}

export interface RefreshRecord extends Grant {
  /** When this refresh token was issued (by rotation); inactivity counts from here (§6). */
  readonly issuedAt: number;
}

export interface DeviceCodeRecord {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly tenantSegment: string;
  readonly scope: string;
  readonly expiresAt: number;
  status: 'pending' | 'approved' | 'declined' | 'redeemed';
  grant?: Grant;
}

export type TransactionFlow = 'authorize' | 'device' | 'adminconsent';

/** One interactive sign-in in progress (sign-in -> MFA -> consent -> finish). */
export interface Transaction {
  readonly id: string;
  readonly flow: TransactionFlow;
  readonly tenantSegment: string;
  readonly clientId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly deviceCode?: string;
  /** Where this flow's forms post back to. */
  readonly action: string;
  user?: SignedInUser;
  mfaDone: boolean;
  consentGiven: boolean;
}

export function opaque(prefix: string, bytes: number): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

export class IdpState {
  readonly codes = new Map<string, CodeRecord>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  /** `${upn}|${clientId}` -> consented permission keys (user consent, §1.2 dynamic consent). */
  readonly userConsents = new Map<string, Set<string>>();
  /** upn -> time before which refresh tokens are revoked (revokeRefreshTokens, §6). */
  readonly tokensValidFrom = new Map<string, number>();
  readonly deviceCodes = new Map<string, DeviceCodeRecord>();
  readonly transactions = new Map<string, Transaction>();
  /** ESTSAUTH-like cookie -> signed-in user, for prompt=none. */
  readonly sessions = new Map<string, SignedInUser>();
}
