// Offline and installable, against the real server: the manifest, the service worker's saved copy
// of every page, the outbox (IndexedDB) that keeps a request until the server acknowledged it,
// and a new version offered, not forced. The database is read with the server's own `list`.
import { test as base } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverBin } from '../playwright.config';
import { test, expect, open, expectNoAxeViolations } from './fixtures';
import {
  DONE, QUEUED, allowFailedLoads, choose, controlled, distDir, next, sendAndQueue, storedReferences, toCheck, unavailableThenRefused,
} from './offline-support';

test('the manifest is valid and its icons load', { tag: '@any-width' }, async ({ page, request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: expect.any(String), short_name: expect.any(String), start_url: '/', display: 'standalone',
    theme_color: '#123c5a', lang: 'en',
  });
  const purposes = new Set(manifest.icons.map((i: { purpose: string }) => i.purpose));
  expect(purposes).toEqual(new Set(['any', 'maskable']));
  for (const size of ['192x192', '512x512']) {
    expect(manifest.icons.some((i: { sizes: string }) => i.sizes === size)).toBe(true);
  }
  for (const icon of manifest.icons) {
    const png = await request.get(icon.src);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const body = await png.body();
    const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
    expect(`${w}x${h}`).toBe(icon.sizes);
  }
  await open(page, '/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await controlled(page);
  // Chromium's own installability checks (Lighthouse 12 no longer has its PWA audit); Playwright's
  // contexts are incognito, which is the one reason Chromium may give.
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  const sw = await request.get('/sw.js');
  expect(sw.headers()['cache-control']).toBe('no-cache');
});

test('offline, every page comes from the saved copy and says so', async ({ page, context, guards }) => {
  test.slow();
  await open(page, '/');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^You are offline\. This is a copy saved on .+\.$/)).toBeVisible();
  await expectNoAxeViolations(page);

  await open(page, '/conditions');
  await page.getByRole('searchbox').fill('alzhiemer');
  await expect(page.getByRole('link', { name: "Alzheimer's disease" })).toBeVisible();
  await expect(page.getByText(/^You are offline\./)).toBeVisible();

  await open(page, '/request/who-for');
  await choose(page, 'Myself');
  await choose(page, 'Yes, 18 or over');
  await next(page);
  await expect(page).toHaveURL(/\/request\/condition$/);
  await expectNoAxeViolations(page);
  await context.setOffline(false);
  allowFailedLoads(guards.problems);
});

test('a request written offline is kept, survives a new page and is sent once', async ({ page, context, guards }) => {
  test.slow();
  await toCheck(page);
  await context.setOffline(true);
  const reference = await sendAndQueue(page);
  await expectNoAxeViolations(page);
  const done = page.url();
  await page.close();

  const again = await context.newPage();
  await open(again, done);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(QUEUED);
  await expect(again.getByRole('region', { name: 'Requests saved on this device' })).toContainText(reference);
  expect(storedReferences()).not.toContain(reference);

  await context.setOffline(false);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(DONE);
  await expect(again.getByText(reference)).toBeVisible();
  await expect(again.getByRole('region', { name: 'Requests saved on this device' })).toHaveCount(0);
  await expect(again.locator('[aria-live="polite"]', { hasText: 'Your saved request has been sent.' })).toHaveCount(1);
  expect(storedReferences().filter((r) => r === reference)).toHaveLength(1);
  // The answers left the device with the acknowledgement.
  expect(await again.evaluate(() => localStorage.getItem('ct.draft.v1'))).toBeNull();
  await expectNoAxeViolations(again);
  allowFailedLoads(guards.problems);
});

test('503 three times then 201: sent once, with one key', async ({ page, guards }) => {
  test.slow();
  await toCheck(page);
  const keys: string[] = [];
  let refused = 0;
  await page.route('**/api/requests', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (refused++ < 3) await route.fulfill({ status: 503, headers: { 'Retry-After': '1' }, body: '' });
    else await route.continue();
  });
  const reference = await sendAndQueue(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DONE, { timeout: 30_000 });
  expect(keys).toHaveLength(4);
  expect(new Set(keys).size).toBe(1);
  expect(storedReferences().filter((r) => r === reference)).toHaveLength(1);
  allowFailedLoads(guards.problems);
});

test('a 422 from the outbox leaves the item, marked needs attention', async ({ page, guards }) => {
  test.slow();
  await toCheck(page);
  await page.route('**/api/requests', unavailableThenRefused().handle);
  const reference = await sendAndQueue(page);
  const outbox = page.getByRole('region', { name: 'Requests saved on this device' });
  await expect(outbox).toContainText('Needs attention: The email address is not accepted.');
  await expect(page.locator('[aria-live="polite"]', { hasText: 'A saved request needs attention.' })).toHaveCount(1);
  await expect(outbox.getByRole('link', { name: 'Change your answers' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(outbox).toContainText(reference);
  await expect(outbox).toContainText('Needs attention');
  expect(storedReferences()).not.toContain(reference);
  // Queued eight days ago: some browsers clear a site's data after seven days without a visit.
  await page.evaluate((ref) => new Promise<void>((done, fail) => {
    const open = indexedDB.open('ct-outbox', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('requests', 'readwrite');
      const store = tx.objectStore('requests');
      const get = store.get(ref);
      get.onsuccess = () => store.put({ ...get.result, queuedAt: Date.now() - 8 * 24 * 3600 * 1000 });
      tx.oncomplete = () => { open.result.close(); done(); };
      tx.onerror = () => fail(tx.error);
    };
  }), reference);
  await page.reload();
  await expect(outbox).toContainText('Waiting for more than 7 days');
  await expectNoAxeViolations(page);
  allowFailedLoads(guards.problems);
});

test('two pages sending at once store one row', async ({ page, context, guards }) => {
  test.slow();
  await toCheck(page);
  await context.setOffline(true);
  const reference = await sendAndQueue(page);
  const other = await context.newPage();
  await open(other, page.url());
  const posts: string[] = [];
  for (const p of [page, other]) {
    p.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/api/requests')) posts.push(r.url()); });
  }
  await context.setOffline(false);
  for (const p of [page, other]) {
    await expect(p.getByRole('heading', { level: 1 })).toHaveText(DONE);
  }
  expect(posts.length).toBeLessThanOrEqual(1);
  expect(storedReferences().filter((r) => r === reference)).toHaveLength(1);
  allowFailedLoads(guards.problems);
});

// Its own server on a copy of dist/, so changing sw.js there (a new build deployed) touches no
// other test; Playwright cannot route a service worker's own script, so the file itself changes.
base('a new version is offered, and accepting it keeps the half-filled draft', async ({ page }, info) => {
  test.slow();
  const dist = mkdtempSync(join(tmpdir(), 'ct-dist-'));
  cpSync(distDir, dist, { recursive: true });
  // Beside the run's own port (8181 → 8270), so runs on other ports do not collide.
  const origin = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8181) + 89 + info.workerIndex}`;
  const server = spawn(serverBin, [], {
    env: { ...process.env, BIND_ADDR: origin.slice(7), DIST_DIR: dist, PUBLIC_URL: origin,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ct-data-')), RUST_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its log, shown when the test fails (a server that did not start says why).
  let log = '';
  server.stdout.on('data', (chunk) => { log += chunk; });
  server.stderr.on('data', (chunk) => { log += chunk; });
  let exited: number | null = null;
  server.on('exit', (code) => { exited = code ?? -1; });
  try {
    // Up when it answers, however long a busy machine takes (60 s only stops a hang); an exit
    // ends the wait at once.
    for (const deadline = Date.now() + 60_000; ;) {
      if (exited !== null) throw new Error(`the server on ${origin} exited (${exited})`);
      if (await fetch(`${origin}/api/health`).then((r) => r.status === 200, () => false)) break;
      if (Date.now() > deadline) throw new Error(`the server on ${origin} did not answer in 60 s`);
      await new Promise((done) => setTimeout(done, 100));
    }
    await open(page, `${origin}/request/who-for`);
    await controlled(page);
    await choose(page, 'Myself');
    // The new build: another build id, so other cache names.
    const sw = readFileSync(`${dist}/sw.js`, 'utf8').replace(/const BUILD_ID = "([^"]+)"/, 'const BUILD_ID = "$1-next"');
    rmSync(`${dist}/sw.js.br`);
    rmSync(`${dist}/sw.js.gz`);
    writeFileSync(`${dist}/sw.js`, sw);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.getByText('A new version is available.');
    await expect(prompt).toBeVisible();
    await expect(page.getByLabel('Myself', { exact: true })).toBeChecked();
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByLabel('Myself', { exact: true })).toBeChecked();
    await expect(prompt).toHaveCount(0);
    await page.waitForFunction(() => caches.keys().then((names) => names.every((n) => n.endsWith('-next'))));
  } catch (error) {
    await info.attach('server.log', { body: log, contentType: 'text/plain' });
    console.error(`the server on ${origin} logged:\n${log}`);
    throw error;
  } finally {
    server.kill();
    rmSync(dist, { recursive: true, force: true });
  }
});
