/** The wizard's steps, in order; the start screen lists them and the stepper walks them. */
export const wizardSteps = [
  {
    id: 'target',
    title: 'Target system',
    summary:
      'Choose the mail system that will send: AEM, Onit, EmailEngine, Akumina, an app-only mailer or any XOAUTH2 client.',
  },
  {
    id: 'checklist',
    title: 'App registration',
    summary:
      'Follow the checklist for the Entra admin center and Exchange, with the exact permissions and redirect URIs.',
  },
  {
    id: 'details',
    title: 'Details',
    summary: 'Enter tenant, client ID, secret or certificate and the mailbox; mistakes are pointed out as you type.',
  },
  {
    id: 'sign-in',
    title: 'Sign in',
    summary: 'Sign in as the mailbox, or get an app-only token; the refresh token goes straight to the keychain.',
  },
  {
    id: 'verify',
    title: 'Verify',
    summary: 'Check the token, log in to SMTP with it and send a test mail, with every failure explained.',
  },
  { id: 'export', title: 'Export', summary: 'Copy or save exactly what the target system needs.' },
] as const;

export type WizardStepId = (typeof wizardSteps)[number]['id'];
