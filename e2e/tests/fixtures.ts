// Shared fixtures: every test fails on a console error, on a page error, or on any request that
// leaves the app's own origin (the privacy promise: no CDN, font or analytics host ever).
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

type Guards = { problems: string[] };

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on('console', (msg) => {
        // An unknown address is answered with the 404 page, status 404, which Chromium reports
        // for the document itself: the page is what the test looks at, not an error in it.
        const notFoundPage = msg.text().includes('status of 404') && msg.location().url === page.url();
        if (msg.type() === 'error' && !notFoundPage) problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.protocol.startsWith('http') && url.origin !== origin) {
          problems.push(`request left the origin: ${url.origin}`);
        }
      });
      await use({ problems });
      expect(problems, 'console errors, page errors and foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a route and waits until the app has rendered its heading (and has replaced the article
 * prerendered into index.html, whose heading shows before the app starts). */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('#app-prerendered')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** axe with the WCAG 2.0-2.2 A and AA rules the quality bar names; zero violations expected. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Holds every wasm download back until the returned function is called, so a test can act in a
 * page's prerendered copy before the app takes it over. */
export async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
