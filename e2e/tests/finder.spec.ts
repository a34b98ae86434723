// The condition finder: typing narrows the list and writes the URL, back and reload restore it,
// a result opens its page, that page carries the condition into the wizard, the count is
// announced, German and the category filter work, and axe is clean in every state.
import { test, expect, open, expectNoAxeViolations } from './fixtures';

const searchLabel = 'Search for a condition or medical goal';

test('the empty finder lists every entry from A to Z', async ({ page }) => {
  await open(page, '/conditions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your condition');
  await expect(page.getByRole('searchbox', { name: searchLabel })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('25 conditions found');
  await expect(page.getByRole('heading', { level: 3, name: 'A', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('typing narrows the results, marks the match, writes the URL and announces the count', async ({ page }) => {
  await open(page, '/conditions');
  const box = page.getByRole('searchbox', { name: searchLabel });
  await box.pressSequentially('scler');
  await expect(page).toHaveURL(/\/conditions\?q=scler$/);
  const results = page.locator('.app-finder-result');
  const broad = await results.count();
  await box.pressSequentially('osis');
  await expect(page).toHaveURL(/\/conditions\?q=sclerosis$/);
  await box.fill('alzhiemer');
  await expect(page).toHaveURL(/\?q=alzhiemer$/);
  await expect(results.first().getByRole('link')).toHaveText("Alzheimer's disease");
  await expect(results.first().locator('mark')).toHaveText("Alzheimer's");
  expect(await results.count()).toBeLessThanOrEqual(broad);
  await expect(page.getByRole('status')).toHaveText('1 condition found');
  await expectNoAxeViolations(page);
});

test('a lay term says what it matched', async ({ page }) => {
  await open(page, '/conditions?q=brain%20attack');
  const first = page.locator('.app-finder-result').first();
  await expect(first.getByRole('link')).toHaveText('Stroke');
  await expect(first).toContainText('matches: brain attack');
});

test('a result opens its page, back restores the query, and the page prefills the wizard', async ({ page }) => {
  await open(page, '/conditions');
  const box = page.getByRole('searchbox', { name: searchLabel });
  await box.pressSequentially('parkin');
  await page.getByRole('link', { name: "Parkinson's disease" }).click();
  await expect(page).toHaveURL(/\/conditions\/parkinsons-disease$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Parkinson's disease");
  await expect(page).toHaveTitle(/^Parkinson's disease – /);
  await expectNoAxeViolations(page);

  await page.goBack();
  await expect(page).toHaveURL(/\/conditions\?q=parkin$/);
  await expect(page.getByRole('searchbox', { name: searchLabel })).toHaveValue('parkin');
  await expect(page.getByRole('link', { name: "Parkinson's disease" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('searchbox', { name: searchLabel })).toHaveValue('parkin');

  await page.goForward();
  await expect(page).toHaveURL(/\/conditions\/parkinsons-disease$/);
  await page.getByRole('link', { name: 'Request treatment for this condition' }).click();
  await expect(page).toHaveURL(/\/request\/who-for\?condition=parkinsons-disease$/);
});

test('the keyboard alone finds a condition and opens it', async ({ page }) => {
  await open(page, '/conditions');
  await page.getByRole('searchbox', { name: searchLabel }).focus();
  await page.keyboard.type('MS');
  await expect(page.locator('.app-finder-result').first().getByRole('link')).toHaveText('Multiple sclerosis');
  await page.keyboard.press('Tab'); // the category filter
  await page.keyboard.press('Tab'); // the first result
  await expect(page.getByRole('link', { name: 'Multiple sclerosis' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Multiple sclerosis');
});

test('no match says so, suggests, and offers a request for something else', async ({ page }) => {
  await open(page, '/conditions');
  await page.getByRole('searchbox', { name: searchLabel }).fill('sklerosis qqqq');
  await expect(page.getByRole('heading', { name: 'No condition matches “sklerosis qqqq”' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('No conditions found');
  await expect(page.getByRole('link', { name: 'Multiple sclerosis' })).toBeVisible();
  const request = page.getByRole('link', { name: 'Request treatment for something else' });
  await expect(request).toHaveAttribute('href', '/request/who-for?something_else=sklerosis%20qqqq');
  await expectNoAxeViolations(page);
});

test('a German query in German finds the condition', async ({ page }) => {
  await open(page, '/conditions?lang=de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihre Erkrankung finden');
  const box = page.getByRole('searchbox', { name: 'Nach einer Erkrankung oder einem medizinischen Ziel suchen' });
  await box.fill('Zuckerkrankheit');
  await expect(page).toHaveURL(/q=Zuckerkrankheit/);
  const first = page.locator('.app-finder-result').first();
  await expect(first.getByRole('link')).toHaveText(/^Diabetes mellitus und seine Folgen/);
  await expect(first).toContainText('passt zu: Zuckerkrankheit');
  await expect(page.getByRole('status')).toHaveText('1 Erkrankung gefunden');
  await expectNoAxeViolations(page);
});

test('the category filter narrows the list and lives in the URL', async ({ page }) => {
  await open(page, '/conditions');
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Kidneys' });
  await expect(page).toHaveURL(/\/conditions\?category=renal$/);
  await expect(page.locator('.app-finder-az__link')).toHaveText(['Kidney failure']);
  await expect(page.getByRole('status')).toHaveText('1 condition found');
  await page.getByRole('searchbox', { name: searchLabel }).fill('failure');
  await expect(page).toHaveURL(/\/conditions\?q=failure&category=renal$/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('renal');
  await expect(page.locator('.app-finder-result')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('an unknown condition says so and offers the search', async ({ page }) => {
  await open(page, '/conditions/no-such-condition');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Condition not found');
  await expectNoAxeViolations(page);
  await page.getByRole('searchbox', { name: searchLabel }).fill('arthritus');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/conditions\?q=arthritus$/);
  await expect(page.locator('.app-finder-result').first().getByRole('link')).toHaveText('Arthritis');
});

test('nothing is wider than a 320 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/conditions', '/conditions?q=diabetes', '/conditions/diabetes']) {
    await open(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
