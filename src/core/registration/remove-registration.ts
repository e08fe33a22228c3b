import { problem } from '../../shared/problem';
import { registrationTag } from '../../shared/registration';
import { graphCalls } from '../graph/graph-calls';
import { createGraphClient, NO_RETRY } from '../graph/graph-client';
import { createHttpClient } from '../net/http-client';
import { resolveNetwork } from '../net/resolve-network';
import { ProblemError } from '../problem-error';
import { adminGraphScopes, type AdminSession } from './admin-session';
import { graphProblem } from './registration-problems';
import { notCreatedByApp } from './run-registration';
import { profileGone, type RegistrationDeps } from './run-context';

export interface Removed {
  readonly appName: string;
  readonly clientId: string;
  /** What was deleted in Entra (an object already gone is not listed). */
  readonly deleted: readonly ('application' | 'servicePrincipal')[];
}

/**
 * "Remove the app registration": deletes what "Create it for me" made for this profile, the
 * enterprise application first and then the app registration (reference §13.3.4; it stays
 * restorable for 30 days), then the profile with its keychain entries. Only an application
 * carrying this profile's tag is deleted, so a hand-made or reused app is never touched.
 */
export async function removeRegistration(
  profileId: string,
  deps: RegistrationDeps,
  o: { readonly session: AdminSession; readonly signal?: AbortSignal },
): Promise<Removed> {
  const profile = await deps.profiles.get(profileId);
  if (!profile) throw profileGone();
  const rec = profile.registration;
  if (!rec) throw notCreatedByApp();
  const network = await resolveNetwork(profile, deps.secrets);
  const http = createHttpClient({ ...network, retry: NO_RETRY });
  const calls = graphCalls(
    createGraphClient({
      root: rec.graphHost,
      accessToken: () => o.session.token(adminGraphScopes(profile.cloud)),
      http,
      ...(o.signal ? { signal: o.signal } : {}),
    }),
  );
  const deleted: Removed['deleted'][number][] = [];
  try {
    const app = rec.applicationObjectId
      ? await calls.application(rec.applicationObjectId)
      : await calls.applicationTagged(registrationTag(profileId));
    if (app && !(app.tags ?? []).includes(registrationTag(profileId)))
      throw new ProblemError(
        problem({
          code: 'REGISTRATION_NOT_OURS',
          title: 'That app registration was not created for this profile',
          explanation: `“${app.displayName}” does not carry this profile’s marker, so the app does not delete it.`,
          fixSteps: ['Delete it in the Entra admin center if it is no longer needed.'],
        }),
      );
    if (app) {
      const sp = await calls.servicePrincipalOf(app.appId);
      if (sp) {
        await calls.deleteServicePrincipal(sp.id);
        deleted.push('servicePrincipal');
      }
      await calls.deleteApplication(app.id);
      deleted.push('application');
    }
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    throw new ProblemError(
      graphProblem(e, 'remove', { customAdminClient: false, certificateAllowed: false }) ??
        problem({
          code: 'REGISTRATION_REMOVE_FAILED',
          title: 'The app registration could not be removed',
          explanation: e instanceof Error ? e.message : String(e),
          fixSteps: ['Try again, or delete it in the Entra admin center → App registrations.'],
        }),
      { cause: e },
    );
  } finally {
    http.close();
  }
  await deps.profiles.remove(profileId);
  return { appName: rec.appName, clientId: profile.clientId, deleted };
}
