import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../support/renderer-build';

// Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays on.
const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shotsDir = join(repoRoot, 'assets/screenshots');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
  readonly html: string;
}

interface AxeResultShape {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent)
  // only forward focus; a documented false positive of aria-hidden-focus (microsoft/tabster#288).
  const result = (await page.evaluate(
    'window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] })',
  )) as AxeResultShape;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      html: v.nodes
        .map((n) => n.html)
        .join(' | ')
        .slice(0, 600),
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
}

/**
 * Checks one wizard step the way a user with assistive tech or the other theme meets it:
 * axe in the light and the dark theme. With SOW_SCREENSHOTS=1 it also saves
 * `assets/screenshots/<name>-light.png` and `-dark.png` (the README shows them).
 */
export async function auditStep(page: Page, name: string): Promise<AxeViolation[]> {
  const found: AxeViolation[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.locator(`[data-theme="${scheme}"]`).first().waitFor();
    // Let colour transitions (Fluent animates button colours) finish before measuring contrast.
    await page.waitForTimeout(250);
    let violations = await seriousAxeViolations(page);
    // On a loaded machine the theme's colour transitions can outlast the wait above, and axe then
    // measures a colour halfway: measure contrast once more after the page has settled.
    if (violations.some((v) => v.id === 'color-contrast')) {
      await page.waitForTimeout(1500);
      violations = await seriousAxeViolations(page);
    }
    found.push(...violations.map((v) => ({ ...v, help: `${scheme}: ${v.help}` })));
    // Works at the smallest window (900 x 640): nothing wider than the window.
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    if (overflow > 0)
      found.push({
        id: 'horizontal-overflow',
        impact: 'serious',
        help: `${scheme}: the page is ${overflow}px wider than the window`,
        targets: [],
        html: '',
      });
    if (process.env.SOW_SCREENSHOTS === '1') {
      mkdirSync(shotsDir, { recursive: true });
      // A window as tall as the content, so the sticky Back/Next bar sits at the bottom of the picture.
      const size = page.viewportSize() ?? { width: 900, height: 640 };
      const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
      await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
      await page.screenshot({ path: join(shotsDir, `${name}-${scheme}.png`) });
      await page.setViewportSize(size);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
