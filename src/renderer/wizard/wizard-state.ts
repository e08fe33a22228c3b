import type { ProfileView } from '../../shared/ipc-contract';
import type { Problem } from '../../shared/problem';
import type { FieldIssue } from '../../shared/profile-validation';
import { registrationDone } from '../../shared/registration-plan';
import type { WizardStepId } from '../wizard-steps';
import type { TokenResult, VerifyResult } from './results';
import { emptyForm, formOf, withCloud, withTarget, type WizardForm } from './wizard-form';

/** Everything the wizard remembers while it is open: going back or failing loses none of it. */
export interface WizardState {
  readonly step: WizardStepId;
  readonly form: WizardForm;
  /** The saved profile, once Details was saved. */
  readonly view: ProfileView | undefined;
  /** The form changed since it was last saved. */
  readonly dirty: boolean;
  readonly touched: ReadonlySet<string>;
  /** Set by a Next that found errors: every field shows its problem, touched or not. */
  readonly showAllIssues: boolean;
  readonly token: TokenResult | undefined;
  readonly verify: VerifyResult | undefined;
  /** The last check on Verify ended before SMTP (the token could not be had): what went wrong. */
  readonly verifyFailure: Problem | undefined;
  /** A problem main found at Save about one field: shown under that field until it is changed. */
  readonly serverIssue: FieldIssue | undefined;
}

export type WizardAction =
  | { readonly type: 'go'; readonly step: WizardStepId }
  | { readonly type: 'update'; readonly patch: Partial<WizardForm> }
  | { readonly type: 'target'; readonly targetId: NonNullable<WizardForm['targetId']> }
  | { readonly type: 'touch'; readonly field: string }
  | { readonly type: 'show-all-issues' }
  | { readonly type: 'saved'; readonly view: ProfileView }
  /** "Create it for me" made the profile: the form shows what it filled in. */
  | { readonly type: 'created'; readonly view: ProfileView }
  | { readonly type: 'token'; readonly token: TokenResult }
  | { readonly type: 'verified'; readonly verify: VerifyResult }
  | { readonly type: 'verify-failed'; readonly problem: Problem }
  | { readonly type: 'server-issue'; readonly issue: FieldIssue | undefined };

/** Where the wizard starts: a saved profile, a kept draft, or a new set-up (possibly prefilled). */
export type WizardStart =
  | { readonly kind: 'profile'; readonly view: ProfileView; readonly step?: WizardStepId }
  | { readonly kind: 'draft'; readonly form: WizardForm; readonly step: WizardStepId }
  | { readonly kind: 'new'; readonly form?: WizardForm };

export function initialState(start: WizardStart): WizardState {
  const view = start.kind === 'profile' ? start.view : undefined;
  return {
    // A "Create it for me" that did not finish reopens where it can be continued.
    step:
      start.kind === 'new'
        ? start.form
          ? 'details'
          : 'target'
        : (start.step ??
          (view?.profile.registration && !registrationDone(view.profile.registration) ? 'checklist' : 'details')),
    form:
      start.kind === 'profile'
        ? formOf(start.view.profile, {
            clientSecret: start.view.stored.clientSecret,
            certificate: start.view.stored.certificate,
          })
        : (start.form ?? emptyForm),
    view,
    dirty: false,
    touched: new Set(),
    showAllIssues: false,
    token: undefined,
    verify: undefined,
    verifyFailure: undefined,
    serverIssue: undefined,
  };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'go':
      return { ...state, step: action.step };
    case 'update': {
      const { cloud, ...rest } = action.patch;
      const form = cloud ? withCloud(state.form, cloud) : state.form;
      const changed = state.serverIssue && state.serverIssue.field in action.patch;
      return { ...state, form: { ...form, ...rest }, dirty: true, ...(changed ? { serverIssue: undefined } : {}) };
    }
    case 'target':
      return action.targetId === state.form.targetId
        ? state
        : { ...state, form: withTarget(state.form, action.targetId), dirty: true };
    case 'touch':
      return state.touched.has(action.field) ? state : { ...state, touched: new Set([...state.touched, action.field]) };
    case 'show-all-issues':
      return { ...state, showAllIssues: true };
    case 'saved':
      return {
        ...state,
        view: action.view,
        dirty: false,
        form: {
          ...state.form,
          stored: { clientSecret: action.view.stored.clientSecret, certificate: action.view.stored.certificate },
          storedCertificate:
            action.view.profile.credential.kind === 'certificate' ? action.view.profile.credential : undefined,
        },
      };
    case 'created':
      return {
        ...state,
        view: action.view,
        dirty: false,
        touched: new Set(),
        form: formOf(action.view.profile, {
          clientSecret: action.view.stored.clientSecret,
          certificate: action.view.stored.certificate,
        }),
      };
    case 'token':
      return {
        ...state,
        token: action.token,
        // The app-only token named the service principal: the form keeps it, so a later Save does not drop it.
        form:
          !state.form.servicePrincipalObjectId && action.token.profile.servicePrincipalObjectId
            ? { ...state.form, servicePrincipalObjectId: action.token.profile.servicePrincipalObjectId }
            : state.form,
        verify: undefined,
        view: state.view && {
          ...state.view,
          profile: action.token.profile,
          stored: {
            ...state.view.stored,
            refreshToken: action.token.refreshTokenStored || state.view.stored.refreshToken,
          },
        },
      };
    case 'verified':
      return {
        ...state,
        verify: action.verify,
        verifyFailure: undefined,
        view: state.view && { ...state.view, profile: action.verify.profile },
      };
    case 'verify-failed':
      return { ...state, verify: undefined, verifyFailure: action.problem };
    case 'server-issue':
      return { ...state, serverIssue: action.issue };
  }
}
