import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * How a person moves through the wizard, in their words: labels and button names only,
 * so a test breaks when what the user sees changes, not when markup does.
 */
export function driver(page: Page) {
  const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
  return {
    page,
    button,
    /** The step the stepper marks as current. */
    currentStep: async () =>
      (await page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]').textContent())
        ?.replace(/^\d/, '')
        .trim(),
    heading: async () => page.locator('#step-title').textContent(),
    next: async () => button(/^(Next|Save and continue|Finish)$/).click(),
    /** Step 2: the manual checklist instead of "Create it for me". */
    doItMyself: async () => page.getByRole('radio', { name: /^I’ll do it myself/ }).check(),
    fill: async (label: string, value: string) => page.getByLabel(label, { exact: false }).first().fill(value),
    text: async () => (await page.locator('main').innerText()).replace(/\s+/g, ' '),
    /** Waits until the page shows `text` (the wizard talks to main, so answers arrive later). */
    waitForText: async (text: string | RegExp, timeout = 20_000) => {
      await page.getByText(text).first().waitFor({ timeout });
    },
    expectStep: async (title: string) => {
      await page
        .locator('nav[aria-label="Wizard steps"] [aria-current="step"]', { hasText: title })
        .waitFor({ timeout: 30_000 });
    },
    /** Points the profile at the emulator, as a user on a custom cloud behind TLS inspection would. */
    connectTo: async (
      emu: { authorityHost: string; caPem: string; smtp: { host: string; port: number } },
      tenant: string,
    ) => {
      await page.getByLabel('Microsoft cloud').selectOption('custom');
      await page.getByLabel('Authority host', { exact: false }).fill(emu.authorityHost);
      await page.getByLabel('Directory (tenant) ID', { exact: false }).fill(tenant);
      await page.getByLabel('SMTP server', { exact: false }).fill(emu.smtp.host);
      await page.getByLabel('SMTP port', { exact: false }).fill(String(emu.smtp.port));
      await button(/Network settings/).click();
      await page.getByLabel('Extra trusted CA (PEM)', { exact: false }).fill(emu.caPem);
    },
    /** What has keyboard focus now: its id, text and accessible role, never <body> after an action. */
    focused: async () =>
      (await page.evaluate(
        '(() => { const e = document.activeElement; return { id: e?.id ?? "", tag: e?.tagName ?? "", text: (e?.textContent ?? "").trim(), label: e?.getAttribute("aria-label") ?? "" }; })()',
      )) as { id: string; tag: string; text: string; label: string },
    /** The message a field shows under it (validation as you type). */
    fieldMessage: async (field: string) =>
      page
        .locator(
          `[data-field="${field}"] [id$="__validationMessage"], [data-field="${field}"] .fui-Field__validationMessage`,
        )
        .first()
        .textContent({ timeout: 20_000 }),
  };
}

export function expectNoSecret(haystack: string, secrets: readonly string[]): void {
  for (const s of secrets) expect(haystack.includes(s), `a secret (${s.slice(0, 4)}…) is on the page`).toBe(false);
}
