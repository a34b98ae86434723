// The app shell: every route renders its heading with no error, the language switch works,
// the embed has no site frame, and axe finds nothing at phone and desktop widths.
import { test, expect, open, expectNoAxeViolations } from './fixtures';

const routes = [
  { path: '/', heading: 'Cellular therapy is a fast-growing field in Medicine' },
  { path: '/conditions', heading: 'Find your condition' },
  { path: '/conditions/multiple-sclerosis', heading: 'Multiple sclerosis' },
  { path: '/request/who-for', heading: 'Who is this request for?' },
  { path: '/embed/request', heading: 'Who is this request for?' },
  { path: '/no/such/page', heading: 'Page not found' },
];

for (const { path, heading } of routes) {
  test(`${path} shows its heading and passes axe`, async ({ page }) => {
    await open(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
  });
}

test('the site frame is on every page but the embed', async ({ page }) => {
  await open(page, '/conditions');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Help and contact' })).toBeVisible();
  await open(page, '/embed/request');
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
});

test('the language switch changes the text and <html lang>, and the choice is kept', async ({ page }) => {
  await open(page, '/conditions');
  await page.getByRole('link', { name: /Deutsch/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihre Erkrankung finden');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveTitle(/Zelltherapie in Deutschland/);
  await expectNoAxeViolations(page);

  // The stored choice outlives the URL parameter.
  await open(page, '/');
  // The article exists in English only: its title stays English, the page says so in German.
  await expect(page.getByText('Diesen Artikel gibt es nur auf Englisch.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a German browser gets German without asking', { tag: '@any-width' }, async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'de-DE', baseURL });
  const page = await context.newPage();
  await open(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await context.close();
});

test('the skip link moves to the main content', async ({ page }) => {
  await open(page, '/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
