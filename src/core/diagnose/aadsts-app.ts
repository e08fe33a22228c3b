import type { AadstsRule } from './aadsts-rule';

/**
 * AADSTS codes about the app registration and its credential: things an admin fixes
 * in the app's pages (Certificates & secrets, Authentication, Overview).
 */
export const appRules: readonly AadstsRule[] = [
  {
    codes: [7000215],
    category: 'setup',
    explain: (f, ctx) =>
      ctx.secretLooksLikeId
        ? {
            title: 'You pasted the secret’s ID, not its Value',
            explanation:
              'The portal shows two columns for a client secret: “Secret ID” (a GUID) and “Value”. Entra refused the GUID because the app must send the Value.',
            fixSteps: [
              `${f.appPath} → Certificates & secrets → Client secrets.`,
              'The Value is shown only right after you create the secret. If it is masked now, click “New client secret”, then copy the Value column immediately.',
              'Paste that Value into the Client secret field and try again.',
            ],
            field: 'clientSecret',
          }
        : {
            title: 'The client secret is wrong',
            explanation:
              'Entra did not accept the client secret: it does not match any secret of this app. Often the secret’s ID was copied instead of its Value, or the secret belongs to another app.',
            fixSteps: [
              `${f.appPath} → Certificates & secrets → Client secrets.`,
              'Click “New client secret”, copy the Value column right away (it is shown only once) and paste it into the Client secret field.',
              'Check that the Client ID is the Application (client) ID of this same app.',
            ],
            field: 'clientSecret',
          },
  },
  {
    codes: [7000222],
    category: 'setup',
    explain: (f) => ({
      title: 'The client secret has expired',
      explanation:
        'The secret is past its expiry date, so Entra no longer accepts it. Every system that uses this secret stops working at the same moment.',
      fixSteps: [
        `${f.appPath} → Certificates & secrets → Client secrets → New client secret (choose an expiry and note it in your calendar).`,
        'Copy the new Value, paste it into the Client secret field, and update every mail system that uses the old one.',
        'Delete the expired secret once nothing uses it.',
      ],
      field: 'clientSecret',
    }),
  },
  {
    codes: [7000218],
    category: 'setup',
    explain: (f) => ({
      title: 'The app expects a client secret or certificate, and none was sent',
      explanation:
        'The redirect URI is registered under the “Web” platform, which makes the app a confidential client: every token request must carry a client secret or a certificate.',
      fixSteps: [
        `Either add a credential: ${f.appPath} → Certificates & secrets → New client secret, and paste its Value into the Client secret field;`,
        `or, if this app should be a public client (no secret), ${f.appPath} → Authentication → move ${f.redirectUri} from “Web” to “Mobile and desktop applications”, and under Advanced settings set “Allow public client flows” to Yes.`,
      ],
      field: 'clientSecret',
    }),
  },
  {
    codes: [700025],
    category: 'setup',
    explain: (f, ctx) => ({
      title: 'A secret was sent for a public client',
      explanation: ctx.targetSendsSecret
        ? 'The redirect URI is registered as “Mobile and desktop applications”, so the app is a public client and its refresh tokens must be redeemed without a secret. This mail system always sends a client secret, so it cannot use a public client’s refresh token.'
        : 'The redirect URI is registered as “Mobile and desktop applications” (a public client), and public clients must not send a client secret or certificate.',
      fixSteps: ctx.targetSendsSecret
        ? [
            `${f.appPath} → Authentication → remove ${f.redirectUri} from “Mobile and desktop applications” and add it under “Web”.`,
            'Set “Allow public client flows” to No, add a client secret under Certificates & secrets, then sign in again (device code sign-in is not possible for this mail system).',
          ]
        : [
            'Remove the client secret from this profile (Credential: none),',
            `or make the app confidential: ${f.appPath} → Authentication → register ${f.redirectUri} under “Web” instead of “Mobile and desktop applications”.`,
          ],
      field: 'credential',
    }),
  },
  {
    codes: [700027],
    category: 'setup',
    explain: (f) => ({
      title: 'The certificate does not match the one registered on the app',
      explanation:
        'Entra could not verify the signed assertion with any certificate uploaded to this app: the private key belongs to another certificate, or the certificate was never uploaded.',
      fixSteps: [
        `${f.appPath} → Certificates & secrets → Certificates: compare the Thumbprint column with the SHA-1 thumbprint this app shows for your certificate.`,
        'Upload the certificate (.cer/.pem, public part only) if it is missing, or import the matching private key here.',
      ],
      field: 'certificate',
    }),
  },
  {
    codes: [700016],
    category: 'setup',
    explain: (f) => ({
      title: 'The app was not found in this tenant',
      explanation: `No app with Application (client) ID ${f.clientId} exists in tenant ${f.tenant}. Either the Client ID is mistyped, the tenant is another organisation’s, or the app is registered in another tenant and is not multi-tenant.`,
      fixSteps: [
        'Open the app registration’s Overview page and copy “Application (client) ID” and “Directory (tenant) ID” again, into Client ID and Tenant.',
        'If the app lives in another tenant, make it multi-tenant (Authentication → Supported account types) and have an admin of this tenant consent to it.',
      ],
      field: 'clientId',
    }),
  },
  {
    codes: [50011],
    category: 'setup',
    explain: (f) => ({
      title: 'The redirect URI is not registered on the app',
      explanation: `The app asked Entra to send the sign-in back to ${f.redirectUri}, but that exact URI is not in the app’s list of redirect URIs. Entra compares scheme, host, path and trailing slash exactly (only the port of localhost is ignored).`,
      fixSteps: [
        `${f.appPath} → Authentication → under the Web platform (or Mobile and desktop applications for a public client) click “Add URI”, enter ${f.redirectUri} exactly, and Save.`,
        'Or change the Redirect URI field here to one of the URIs already listed there, character for character.',
      ],
      field: 'redirectUri',
    }),
  },
  {
    codes: [500113],
    category: 'setup',
    explain: (f) => ({
      title: 'The app has no redirect URI',
      explanation:
        'The app registration lists no redirect URI at all, so Entra has nowhere to send the sign-in result.',
      fixSteps: [`${f.appPath} → Authentication → Add a platform → Web → enter ${f.redirectUri} → Configure.`],
      field: 'redirectUri',
    }),
  },
  {
    codes: [500112],
    category: 'setup',
    explain: (f) => ({
      title: 'The redirect URI changed between sign-in and redemption',
      explanation:
        'The code was issued for one redirect URI and redeemed with another. This is a bug in the sending system or a profile edited mid-sign-in.',
      fixSteps: [`Sign in again with the redirect URI ${f.redirectUri} unchanged.`],
      field: 'redirectUri',
    }),
  },
  {
    codes: [9002327],
    category: 'setup',
    explain: (f) => ({
      title: 'The redirect URI is registered as a single-page application (SPA)',
      explanation:
        'Tokens for “Single-page application” redirect URIs can only be redeemed from a browser page (cross-origin). A mail system redeems them from a server, and SPA refresh tokens die after 24 hours anyway.',
      fixSteps: [
        `${f.appPath} → Authentication → delete ${f.redirectUri} from “Single-page application”.`,
        'Add it under “Web” (with a client secret) or “Mobile and desktop applications” (public client), then sign in again.',
      ],
      field: 'redirectUri',
    }),
  },
  {
    codes: [9002326],
    category: 'setup',
    explain: (f) => ({
      title: 'Cross-origin redemption needs a single-page application redirect URI',
      explanation:
        'The token request came from a browser origin, but the redirect URI is not registered as “Single-page application”.',
      fixSteps: [
        `${f.appPath} → Authentication: register ${f.redirectUri} under “Web” and redeem from the server, not the browser.`,
      ],
      field: 'redirectUri',
    }),
  },
  {
    codes: [700054],
    category: 'setup',
    explain: (f) => ({
      title: 'The app does not allow ID tokens from the sign-in page',
      explanation:
        'The request asked for an ID token directly from the authorize endpoint, which needs implicit ID tokens enabled.',
      fixSteps: [
        `${f.appPath} → Authentication → Implicit grant and hybrid flows → tick “ID tokens”, or use the code flow (this app does).`,
      ],
    }),
  },
  {
    codes: [50194],
    category: 'setup',
    explain: (f) => ({
      title: 'This app is single-tenant: sign in through its own tenant',
      explanation:
        'The app accepts only accounts of its home tenant, so “common” or “organizations” cannot be used as tenant.',
      fixSteps: [
        'Enter the Directory (tenant) ID from the app’s Overview page in the Tenant field.',
        `Or make the app multi-tenant: ${f.appPath} → Authentication → Supported account types.`,
      ],
      field: 'tenant',
    }),
  },
];
