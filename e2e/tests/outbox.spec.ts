// The outbox beyond sending: a request the server refused is fixed and sent again with a new
// idempotency key (the same body keeps its key), or discarded after a question; and the service
// worker's `sync` event, fired by the test through CDP, sends a queued request with no page of the
// site open. Against the real server; the database is read with the server's own `list`. The
// server's answers are changed with `context.route`, which sees the service worker's requests as
// well as the page's: either may be the one sending (one at a time, by the Web Lock).
import { Route } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { test, expect, open, expectNoAxeViolations } from './fixtures';
import {
  DONE, OUTBOX, allowFailedLoads, countPersistCalls, next, persistCalls, sendAndQueue, storedReferences, toCheck, unavailableThenRefused,
} from './offline-support';

type Attempt = { key: string; bodyKey: string; email: string; status: number };

/** The request as sent, then the server's answer to it (or to `body` instead). */
async function forward(route: Route, attempts: Attempt[], body?: object) {
  const sent = JSON.parse(route.request().postData()!);
  const response = await route.fetch(body ? { postData: JSON.stringify(body) } : {});
  attempts.push({
    key: route.request().headers()['idempotency-key'],
    bodyKey: sent.idempotency_key,
    email: sent.contact.email,
    status: response.status(),
  });
  await route.fulfill({ response });
}

test('a request the server refused is fixed and sent again with a new key: one row', async ({ page, context, guards }) => {
  test.slow();
  await toCheck(page);
  const attempts: Attempt[] = [];
  let refuse = true;
  await context.route('**/api/requests', async (route) => {
    if (attempts.length === 0) {
      attempts.push({ key: route.request().headers()['idempotency-key'], bodyKey: '', email: '', status: 503 });
      return route.fulfill({ status: 503, headers: { 'Retry-After': '1' }, body: '' });
    }
    // The real server refuses it: as if the address had a mistake only the server finds.
    const sent = JSON.parse(route.request().postData()!);
    return forward(route, attempts, refuse ? { ...sent, contact: { ...sent.contact, email: 'jo@' } } : undefined);
  });
  const reference = await sendAndQueue(page);
  const outbox = page.getByRole('region', { name: OUTBOX });
  await expect(outbox).toContainText('Needs attention');
  await expect(outbox).toContainText(/Saved on this device on .*\d{1,2}:\d{2}/);

  // The same body again keeps its key.
  await outbox.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => attempts.length).toBe(3);
  await expect(outbox).toContainText('Needs attention');
  expect(attempts.map((a) => a.status)).toEqual([503, 422, 422]);
  expect(new Set(attempts.map((a) => a.key)).size).toBe(1);

  // Another page keeps showing the request while it waits.
  const other = await context.newPage();
  await open(other, page.url());
  await expect(other.getByRole('region', { name: OUTBOX })).toContainText('Needs attention');

  // "Change your answers" opens the step of the problem, with the server's words.
  refuse = false;
  await outbox.getByRole('link', { name: 'Change your answers' }).click();
  await expect(page).toHaveURL(/\/request\/contact\?return=check$/);
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill('jo.fixed@example.com');
  await next(page);
  await expect(page).toHaveURL(/\/request\/check$/);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DONE);
  // The panel's reference (a live region may announce it too).
  await expect(page.locator('.app-panel').getByText(reference)).toBeVisible();

  const fixed = attempts[3];
  expect(fixed).toMatchObject({ email: 'jo.fixed@example.com', status: 201 });
  expect(fixed.key).not.toBe(attempts[0].key);
  expect(fixed.bodyKey).toBe(fixed.key);
  expect(attempts).toHaveLength(4);
  expect(storedReferences().filter((r) => r === reference)).toHaveLength(1);
  // The other page learns it was sent (not "not sent"), with the server's reference.
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(DONE);
  await expect(other.locator('.app-panel').getByText(reference)).toBeVisible();
  await expect(other.getByRole('region', { name: OUTBOX })).toHaveCount(0);
  await open(page, '/request/done');
  await expect(page.getByRole('region', { name: OUTBOX })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('ct.draft.v1'))).toBeNull();
  allowFailedLoads(guards.problems);
});

test('a refused request is discarded only after a question, and the page says it was not sent', async ({ page, context, guards }) => {
  test.slow();
  await toCheck(page);
  const intake = unavailableThenRefused();
  await context.route('**/api/requests', intake.handle);
  const reference = await sendAndQueue(page);
  const outbox = page.getByRole('region', { name: OUTBOX });
  await expect(outbox).toContainText('Needs attention: The email address is not accepted.');

  const discard = outbox.getByRole('button', { name: 'Discard this request' });
  await discard.click();
  const question = outbox.getByRole('group', { name: `Discard request ${reference}?` });
  await expect(question).toContainText('This request has not been sent.');
  await expect(page.locator(`#app-outbox-question-${reference}`)).toBeFocused();
  await expectNoAxeViolations(page);
  await question.getByRole('button', { name: 'No, keep it' }).click();
  await expect(discard).toBeFocused();
  await expect(outbox).toContainText(reference);

  await discard.click();
  await question.getByRole('button', { name: 'Yes, discard it' }).click();
  const said = page.locator('[aria-live="polite"]', { hasText: `Request ${reference} was discarded. It was not sent.` });
  await expect(said).toBeVisible();
  await expect(said).toBeFocused();
  await expect(outbox).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your request was not sent');
  await expect(page.locator('[aria-live="polite"]', { hasText: 'has been sent' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('ct.draft.v1'))).toBeNull();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your request was not sent');
  await expect(page.getByText(`Request ${reference} is no longer saved on this device and has not been sent.`)).toBeVisible();
  expect(intake.posts()).toBe(2);
  expect(storedReferences()).not.toContain(reference);
  allowFailedLoads(guards.problems);
});

test("the service worker's sync event sends a queued request with no page open: one row", async ({ page, context, guards }) => {
  test.slow();
  await countPersistCalls(page);
  await toCheck(page);
  await context.setOffline(true);
  const reference = await sendAndQueue(page);
  expect(await persistCalls(page), 'persistent storage asked for when a request is queued').toBeGreaterThan(0);

  // No page of the site stays open to send it (on `online`, start-up or visibility): only the
  // worker. The test fires the sync event itself. Back online, the browser may also fire one on
  // its own schedule, before or after the test's: whatever it sends before the test's event is
  // held here until then, so nothing reaches the server before the test's event, and either
  // order ends in one row (the outbox's Web Lock and the idempotency key).
  const blank = await context.newPage();
  await page.close();
  const attempts: string[] = [];
  const held: (() => void)[] = [];
  let dispatched = false;
  let answer!: (status: number) => void;
  const answered = new Promise<number>((resolve) => { answer = resolve; });
  await context.route('**/api/requests', async (route) => {
    attempts.push(route.request().serviceWorker() ? 'worker' : 'page');
    if (!dispatched) await new Promise<void>((release) => held.push(release));
    const response = await route.fetch();
    answer(response.status());
    await route.fulfill({ response });
  });
  await context.setOffline(false);

  const cdp = await context.newCDPSession(blank);
  const registered = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
      const ours = event.registrations.find((r) => r.scopeURL === `${baseURL}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registered;

  expect(attempts.every((by) => by === 'worker'), `no page sent it: ${attempts}`).toBe(true);
  expect(storedReferences(), 'nothing stored before the sync event').not.toContain(reference);
  dispatched = true;
  held.splice(0).forEach((release) => release());
  await cdp.send('ServiceWorker.dispatchSyncEvent', {
    origin: baseURL, registrationId, tag: 'ct-outbox', lastChance: false,
  });
  // The server's first answer to the worker (the route sees it), however long a busy machine
  // takes: a 201.
  expect(await answered).toBe(201);
  expect(storedReferences().filter((r) => r === reference)).toHaveLength(1);
  expect(attempts.every((by) => by === 'worker'), `only the worker sent it: ${attempts}`).toBe(true);

  // A page opened now finds the outbox empty and shows the server's reference.
  const again = await context.newPage();
  await open(again, `/request/done?queued=${reference}`);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(DONE);
  await expect(again.getByRole('region', { name: OUTBOX })).toHaveCount(0);
  expect(storedReferences().filter((r) => r === reference)).toHaveLength(1);
  allowFailedLoads(guards.problems);
});
