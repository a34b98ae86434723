// What the offline journeys share: the database read with the server's own `list`, the waits
// for the service worker, a complete draft up to check your answers, and the send that queues.
import { Page, Route } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { serverBin } from '../playwright.config';
import { expect, open } from './fixtures';

const root = resolve(__dirname, '..', '..');
/** The build under test (the server serves it; see playwright.config.ts). */
export const distDir = process.env.E2E_DIST_DIR ?? `${root}/dist`;
export const QUEUED = 'Saved on this device. It will be sent when you are online';
export const DONE = 'Thank you! We received your treatment application';
export const OUTBOX = 'Requests saved on this device';

/** The references the server has stored, read with `server list` on the run's data folder. */
export function storedReferences(): string[] {
  const out = execFileSync(serverBin, ['list'], {
    env: { ...process.env, DATA_DIR: process.env.CT_E2E_DATA_DIR!, RUST_LOG: 'error' },
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);
}

/** Waits until the service worker controls the page (it claims open pages when it activates). */
export async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Failed loads while offline are expected on the console; nothing else is. */
export function allowFailedLoads(problems: string[]) {
  const rest = problems.filter((p) => !p.includes('Failed to load resource'));
  problems.splice(0, problems.length, ...rest);
}

/** Counts the page's calls of `navigator.storage.persist()` in `window.persistCalls`. */
export async function countPersistCalls(page: Page) {
  await page.addInitScript(() => {
    const counted = window as unknown as { persistCalls: number };
    counted.persistCalls = 0;
    if (!navigator.storage) return; // the browser's own error page (offline)
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      counted.persistCalls += 1;
      return persist();
    };
  });
}

export function persistCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls);
}

export async function choose(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).check();
}

export async function next(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** A complete draft for oneself, up to check your answers (the page is then controlled). */
export async function toCheck(page: Page) {
  await open(page, '/request/who-for');
  await controlled(page);
  await choose(page, 'Myself');
  await choose(page, 'Yes, 18 or over');
  await next(page);
  await choose(page, 'Immunodeficiency disorders');
  await next(page);
  await choose(page, 'Germany');
  await next(page);
  for (const q of ['inflammation in the active phase', 'acute infectious disease', 'fever or feel acutely unwell']) {
    await page.getByRole('group', { name: new RegExp(q) }).getByLabel('No', { exact: true }).check();
  }
  await next(page);
  await page.getByLabel('What is the patient’s full name?').fill('Jo Offline');
  await next(page);
  await choose(page, 'Email');
  await page.getByLabel('Email address').fill('jo@example.com');
  await page.getByRole('combobox', { name: 'Your time zone' }).selectOption('Europe/Berlin');
  await next(page);
  await page.getByLabel(/process the patient’s health data/).check();
  await page.getByLabel(/pass this request to partner clinics/).check();
  await next(page);
  await expect(page).toHaveURL(/\/request\/check$/);
}

/** Sends from check your answers and returns the reference the outbox shows. */
export async function sendAndQueue(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUEUED);
  const reference = new URL(page.url()).searchParams.get('queued')!;
  expect(reference).toMatch(/^CT-[0-9A-Z]{8}$/);
  await expect(page.getByRole('region', { name: OUTBOX })).toContainText(reference);
  return reference;
}

/** A stand-in intake: 503 for the first post (so the request is queued), then the server's 422
 * refusal "The email address is not accepted." for every later one; `posts()` counts them. */
export function unavailableThenRefused() {
  let calls = 0;
  const handle = (route: Route) =>
    calls++ === 0
      ? route.fulfill({ status: 503, body: '' })
      : route.fulfill({ status: 422, contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/problems/validation', title: 'There is a problem with the request',
          status: 422, detail: 'The email address is not accepted.', errors: [] }) });
  return { handle, posts: () => calls };
}
