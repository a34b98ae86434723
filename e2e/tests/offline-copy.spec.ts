// "Saved for offline": the footer says since when the site is saved on this device; the reader
// removes the saved copy (the worker is unregistered, its caches deleted, and the next visit does
// not save it again) and saves it again; each press says what happened. Against the real server.
import { test, expect, open, expectNoAxeViolations } from './fixtures';
import { allowFailedLoads, controlled, countPersistCalls, persistCalls } from './offline-support';

const SAVED = /^Saved on this device for reading offline on .*\d{1,2}:\d{2}.*\.$/;
const ABSENT = 'This site is not saved on this device for reading offline.';
const REMOVED = 'The saved copy was removed from this device. Without a connection, this site will not open until you save it again.';

test('the saved copy is shown with its date and time, removed, and saved again', async ({ page, context, guards }) => {
  test.slow();
  await countPersistCalls(page);
  await open(page, '/');
  await controlled(page);
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByText(SAVED)).toBeVisible();
  await expectNoAxeViolations(page);

  await footer.getByRole('button', { name: 'Remove the saved copy' }).click();
  await expect(footer.getByText(REMOVED)).toBeVisible();
  await expect(footer.getByText(ABSENT)).toBeVisible();
  await expect(footer.getByRole('button', { name: 'Save for reading offline' })).toBeFocused();
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r === undefined))).toBe(true);
  await expectNoAxeViolations(page);

  // The next visit keeps the reader's choice: nothing saved again, and offline the site is gone.
  await open(page, '/conditions');
  await expect(footer.getByText(ABSENT)).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  await context.setOffline(true);
  await expect(page.reload()).rejects.toThrow();
  await context.setOffline(false);

  await open(page, '/conditions');
  await footer.getByRole('button', { name: 'Save for reading offline' }).click();
  await expect(footer.getByText('Saved. This site now opens on this device without a connection.')).toBeVisible();
  await expect(footer.getByText(SAVED)).toBeVisible();
  await expect(footer.getByRole('button', { name: 'Remove the saved copy' })).toBeFocused();
  expect(await persistCalls(page), 'persistent storage asked for when the reader saves').toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/^You are offline\. This is a copy saved on .+\.$/)).toBeVisible();
  await context.setOffline(false);
  allowFailedLoads(guards.problems);
});

test('the saved-for-offline line is German in German', async ({ page }) => {
  await open(page, '/conditions?lang=de');
  await controlled(page);
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByText(/^Auf diesem Gerät zum Offline-Lesen gespeichert am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\.$/)).toBeVisible();
  await expect(footer.getByRole('button', { name: 'Gespeicherte Kopie entfernen' })).toBeVisible();
  await expectNoAxeViolations(page);
});
