import { clouds } from '../../shared/clouds';
import { problem, type Problem } from '../../shared/problem';
import type { Profile } from '../../shared/profile';
import { tokenResourceFor } from '../../shared/profile-validation';
import type { TokenInspection } from '../../shared/token-inspection';

/**
 * A token that came back but will not work for SMTP is a failure too: this turns the
 * verdict's failed checks into the Problem a person reads (the first failed check
 * decides; audience first, because a Graph token also lacks SMTP.Send).
 */
export function verdictProblem(
  inspection: TokenInspection,
  profile: Pick<Profile, 'cloud' | 'flow' | 'scopes' | 'clientId'>,
): Problem | undefined {
  if (inspection.verdict.fit !== 'no') return undefined;
  const failed = inspection.verdict.checks.filter((c) => !c.ok);
  const detail = inspection.verdict.summary;
  const facts = clouds[profile.cloud];
  if (failed.some((c) => c.name === 'audience')) {
    const resource = tokenResourceFor(profile.scopes) ?? 'another resource';
    return problem({
      code: 'TOKEN_NOT_FOR_EXCHANGE',
      title: 'The token is for the wrong service',
      explanation: `Entra issued the token for ${resource}, because the first scope in the list belongs to it; Exchange refuses such tokens at SMTP login (535 5.7.3). A token is always for one resource only.`,
      fixSteps: [
        profile.flow === 'app-only'
          ? `Use exactly the scope ${facts.appOnlyResource}/.default.`
          : `Put ${facts.delegatedResource}/SMTP.Send first in Scopes (or remove the other scopes), then sign in again.`,
        'Change the same scope order in the mail system’s settings, since it asks for its own tokens when it refreshes.',
      ],
      field: 'scopes',
      detail,
    });
  }
  if (failed.some((c) => c.name === 'permission')) {
    return profile.flow === 'app-only'
      ? problem({
          code: 'TOKEN_NO_SMTP_SENDASAPP',
          title: 'The token lacks the SMTP.SendAsApp permission',
          explanation:
            'The app-only token carries no SMTP.SendAsApp role: the application permission is missing or an admin has not granted consent.',
          fixSteps: [
            `App registration (${profile.clientId}) → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp.`,
            'Click “Grant admin consent for <your organization>”.',
          ],
          detail,
        })
      : problem({
          code: 'TOKEN_NO_SMTP_SEND',
          title: 'The token lacks the SMTP.Send permission',
          explanation: 'The token is for Exchange, but without SMTP.Send, so SMTP login will fail.',
          fixSteps: [
            `App registration (${profile.clientId}) → API permissions → Add a permission → Microsoft Graph → Delegated → SMTP.Send, grant consent, and sign in again.`,
          ],
          field: 'scopes',
          detail,
        });
  }
  return problem({
    code: 'TOKEN_EXPIRED',
    title: 'The access token has expired',
    explanation: 'Access tokens last about an hour. Get a new one (refresh or sign in).',
    fixSteps: ['Run “Check refresh” to get a fresh token.'],
    retryable: true,
    detail,
  });
}
