// A person's sign-in without a browser, for core and CLI tests: a login-window port that clicks
// through the emulator's pages over raw HTTPS, and the device login page for device-code sign-ins.
import { LoginPageError, type LoginWindowPort } from '../../src/core/oauth/login-ports';
import { continueSignIn, httpsRequest, signInOverHttp, type SignInOptions } from './sign-in-driver';

/** Resolves with the redirect like the Electron window; Entra's error page rejects as LoginPageError. */
export function httpLoginWindow(ca: string, user: () => SignInOptions): LoginWindowPort {
  return {
    async open({ url }) {
      const end = await signInOverHttp(url, ca, user());
      if (end.kind === 'page') throw new LoginPageError(end.text);
      if (end.kind === 'form_post') throw new Error('form_post is not used by the window flow');
      return end.location;
    },
  };
}

/** Opens verification_uri, types the code, signs in (and consents); returns the last page's text. */
export async function enterDeviceCode(
  origin: string,
  ca: string,
  verificationUri: string,
  userCode: string,
  user: SignInOptions,
): Promise<string> {
  await httpsRequest(verificationUri, ca);
  const afterCode = await httpsRequest(verificationUri, ca, {
    body: new URLSearchParams({ step: 'code', otc: userCode }).toString(),
  });
  const end = await continueSignIn(origin, afterCode, ca, user);
  return end.kind === 'page' ? end.text : end.kind;
}
