// The partner embed end to end: the demo partner page (e2e/partner/, served on 127.0.0.2, which
// PARTNERS allows) loads embed-v1.js from the app's origin; the wizard runs in the iframe, sized
// to its content, and the page hears ready, step, eligibility, submitted and height, with the
// reference and nothing else. A page on 127.0.0.3 cannot frame it, forged messages change nothing,
// test mode stores nothing, and the journey completes with third-party storage blocked.
import { test as base, expect, Page, FrameLocator, BrowserContext, TestInfo, chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseURL, partnerOrigin, strangerOrigin, dataDir, serverBin } from '../playwright.config';

const APP = new URL(baseURL).origin;
const ORIGINS = [APP, partnerOrigin, strangerOrigin];

type Guards = { problems: string[]; allow: RegExp[] };

// Like fixtures.ts, but the partner's origins are expected, and a test may expect some errors.
const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page }, use) => {
      const guards: Guards = { problems: [], allow: [] };
      const allowed = (text: string) => guards.allow.some((re) => re.test(text));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowed(msg.text())) guards.problems.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => guards.problems.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.protocol.startsWith('http') && !ORIGINS.includes(url.origin)) {
          guards.problems.push(`request left the origins: ${url.origin}`);
        }
      });
      await use(guards);
      expect(guards.problems).toEqual([]);
    },
    { auto: true },
  ],
});

type EmbedEvent = { name: string; target: string; detail: Record<string, unknown> };

async function events(page: Page, withHeight = false): Promise<EmbedEvent[]> {
  const all: EmbedEvent[] = await page.evaluate(() => (window as any).embedEvents);
  return all.filter((e) => withHeight || e.name !== 'height');
}

async function openPartner(page: Page, query = '', origin = partnerOrigin): Promise<FrameLocator> {
  await page.goto(`${origin}/${query}`);
  await expect(page.locator('#embed-1 iframe')).toHaveCount(1);
  return page.frameLocator('#embed-1 iframe');
}

const frameHeight = (page: Page, id = 'embed-1') =>
  page.locator(`#${id} iframe`).evaluate((el) => Math.round(el.getBoundingClientRect().height));

async function next(f: FrameLocator, heading?: string | RegExp) {
  await f.getByRole('button', { name: 'Continue' }).click();
  if (heading) await expect(f.getByRole('heading', { level: 1 })).toHaveText(heading);
}

async function choose(f: FrameLocator, label: string, group?: string) {
  const scope = group ? f.getByRole('group', { name: group }) : f;
  await scope.getByLabel(label, { exact: true }).check();
}

/** The whole journey inside the frame, from the first question to the confirmation. */
async function walk(page: Page, f: FrameLocator, afterEachStep?: () => Promise<void>) {
  const step = async () => afterEachStep && (await afterEachStep());
  await expect(f.getByRole('heading', { level: 1 })).toBeVisible();
  await step();
  await choose(f, 'Myself');
  await choose(f, 'Yes, 18 or over');
  await next(f);
  await step();
  await choose(f, 'Immunodeficiency disorders');
  await next(f);
  await step();
  await choose(f, 'Germany');
  await next(f);
  await step();
  await choose(f, 'No', 'Does the patient have an inflammation in the active phase?');
  await choose(f, 'No', 'Does the patient have an acute infectious disease?');
  await choose(f, 'No', 'Does the patient have a fever or feel acutely unwell now?');
  await next(f);
  await step();
  await f.getByLabel('What is the patient’s full name?').fill('Zoë Müller');
  await next(f);
  await step();
  await choose(f, 'Phone call');
  await f.getByLabel('Phone number', { exact: true }).fill('+49 30 1234567');
  await choose(f, 'Morning (8am to 12pm)');
  await f.getByRole('combobox', { name: 'Your time zone' }).selectOption('Europe/Berlin');
  await next(f);
  await step();
  await f.getByLabel(/process the patient’s health data/).check();
  await f.getByLabel(/pass this request to partner clinics/).check();
  await next(f);
  await step();
  await f.getByRole('button', { name: 'Send request' }).click();
  await expect(f.getByRole('heading', { level: 1 })).toHaveText(/Thank you! We received your treatment application/);
  await step();
}

/** The stored requests, through the staff tool on the run's database. */
function stored(): Array<Record<string, any>> {
  const out = execFileSync(serverBin, ['export', '--since', '2000-01-01', '--format', 'json'], {
    env: { ...process.env, DATA_DIR: dataDir, RUST_LOG: 'off' },
  });
  return JSON.parse(out.toString());
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the partner page shows the wizard, sized to its content, and hears the journey', async ({ page }) => {
  test.slow(); // a whole journey with axe in a frame
  const f = await openPartner(page, '?utm_source=newsletter&utm_campaign=spring&email=leak@example.org');
  const src = await page.locator('#embed-1 iframe').getAttribute('src');
  expect(src).toContain('partner=demo-clinic');
  expect(src).toContain('utm_source=newsletter');
  expect(src).not.toContain('leak');
  const iframe = page.locator('#embed-1 iframe');
  await expect(iframe).toHaveAttribute('title', 'Cell therapy request');
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  await expect(iframe).toHaveAttribute('allow', '');
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-modals');

  const heights = new Set<number>();
  await walk(page, f, async () => {
    // The frame follows its content: no inner scrollbar on any page.
    await expect
      .poll(async () => {
        const inner = await f.locator('html').evaluate((el) => el.scrollHeight - el.clientHeight);
        return inner <= 1;
      })
      .toBe(true);
    heights.add(await frameHeight(page));
    if (heights.size === 1) await expectNoAxeViolations(page);
  });
  await expectNoAxeViolations(page);
  expect(heights.size).toBeGreaterThan(2);

  const got = await events(page);
  expect(got.every((e) => e.target === 'embed-1')).toBe(true);
  expect(got.map((e) => (e.name === 'step' ? `step:${e.detail.step}` : e.name))).toEqual([
    'ready',
    'step:who-for',
    'step:condition',
    'step:country',
    'step:health',
    'step:patient',
    'eligibility',
    'step:contact',
    'step:consent',
    'step:check',
    'step:done',
    'submitted',
  ]);
  expect(got[6].detail).toEqual({ outcome: 'continue' });
  const submitted = got[got.length - 1].detail;
  expect(Object.keys(submitted).sort()).toEqual(['reference', 'test']);
  expect(submitted.test).toBe(false);
  const reference = String(submitted.reference);
  expect(reference).toMatch(/^CT-[0-9A-Z]{8}$/);
  await expect(f.getByText(reference)).toBeVisible();
  // Nothing the patient typed reached the partner's page.
  const everything = JSON.stringify(await events(page, true));
  for (const secret of ['Zoë', 'Müller', '1234567', 'Europe/Berlin', 'immunodeficiency']) {
    expect(everything).not.toContain(secret);
  }
  // The request is stored once, credited to the partner and the campaign.
  const row = stored().find((r) => JSON.stringify(r).includes(reference));
  expect(row, 'stored').toBeTruthy();
  const text = JSON.stringify(row);
  expect(text).toContain('demo-clinic');
  expect(text).toContain('newsletter');
  expect(text).toContain('spring');
});

test('test mode runs the whole journey and stores nothing', async ({ page }) => {
  test.slow(); // a whole journey with axe in a frame
  const f = await openPartner(page, '?test=1');
  await expect(f.getByText('Test mode: nothing you send here is stored or passed on.')).toBeVisible();
  await walk(page, f);
  const submitted = (await events(page)).filter((e) => e.name === 'submitted');
  expect(submitted).toHaveLength(1);
  expect(submitted[0].detail.test).toBe(true);
  const reference = String(submitted[0].detail.reference);
  expect(reference).toMatch(/^CT-TEST[0-9A-Z]{4}$/);
  await expect(f.getByText(reference)).toBeVisible();
  // Nothing was stored, so nobody will call: the page promises no call.
  await expect(f.getByText('This was a test: the request was not stored, and nobody will call you.')).toBeVisible();
  await expect(f.getByText(/will contact you within|calls you at the time you chose/)).toHaveCount(0);
  expect(JSON.stringify(stored())).not.toContain(reference);
});

/** The browser replaced the embed with its error page (ERR_BLOCKED_BY_RESPONSE): no wizard. */
async function expectRefusedFrame(page: Page) {
  const frame = page.frames().find((fr) => fr !== page.mainFrame());
  expect(frame?.url()).toMatch(/^chrome-error:/);
  expect(await frame?.content()).toContain('ERR_BLOCKED_BY_RESPONSE');
  expect(await frame?.getByText('Who is this request for?').count()).toBe(0);
}

/** Waits until the browser has put its error page in the embed's frame (a refused frame never
 * runs the app, so no event can come from it later). */
async function frameRefused(page: Page) {
  await expect.poll(() => page.frames().find((fr) => fr !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
}

test('a page outside the allowlist cannot frame the wizard', { tag: '@any-width' }, async ({ page, guards }) => {
  guards.allow.push(/frame-ancestors/, /Refused to frame/);
  const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await openPartner(page, '', strangerOrigin);
  await blocked;
  await frameRefused(page);
  expect(await events(page)).toEqual([]);
  await expectRefusedFrame(page);
});

test('an unknown partner id cannot frame the wizard either', { tag: '@any-width' }, async ({ page, guards }) => {
  guards.allow.push(/frame-ancestors/, /Refused to frame/);
  const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await openPartner(page, '?partner=someone-else');
  await blocked;
  await frameRefused(page);
  expect(await events(page)).toEqual([]);
  await expectRefusedFrame(page);
});

test('messages from another origin or another frame change nothing', { tag: '@any-width' }, async ({ page }) => {
  const f = await openPartner(page, '?two=1');
  await expect(f.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.frameLocator('#embed-2 iframe').getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(async () => (await events(page)).filter((e) => e.name === 'ready').length).toBe(2);
  const before = [await frameHeight(page, 'embed-1'), await frameHeight(page, 'embed-2')];
  // Every message the host page receives, as the loader's listener has already seen it (it was
  // added first, so it runs first): the test waits for the forged ones to arrive, not for a time.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
  });
  const forged = [
    { type: 'ct-embed/v1', event: 'submitted', reference: 'CT-FAKE0000', test: false },
    { type: 'ct-embed/v1', event: 'height', height: 5000 },
  ];
  // The host page itself (its own origin).
  await page.evaluate((ms) => ms.forEach((m) => window.postMessage(m, '*')), forged);
  // A frame from another origin.
  await page.evaluate((src) => {
    const el = document.createElement('iframe');
    el.src = src;
    el.title = 'forger';
    document.body.appendChild(el);
  }, `${strangerOrigin}/forger.html`);
  // A frame of the app's own origin that the loader did not make: the right origin, the wrong source.
  await page.evaluate((src) => {
    const el = document.createElement('iframe');
    el.src = src;
    el.title = 'stray';
    el.id = 'stray';
    document.body.appendChild(el);
  }, `${APP}/embed/request?partner=demo-clinic`);
  const stray = page.frameLocator('#stray');
  await expect(stray.getByRole('heading', { level: 1 })).toBeVisible();
  await stray.locator('body').evaluate((_, ms) => ms.forEach((m) => parent.postMessage(m, '*')), forged);
  // One embed's own messages never reach the other's placeholder.
  await f.locator('body').evaluate(() =>
    parent.postMessage({ type: 'ct-embed/v1', event: 'step', step: 'who-for', number: 1 }, '*'),
  );
  // Wrong type or shape from the right frame are dropped too.
  await f.locator('body').evaluate(() => {
    parent.postMessage({ type: 'ct-embed/v2', event: 'submitted', reference: 'CT-FAKE0000' }, '*');
    parent.postMessage({ type: 'ct-embed/v1', event: 'submitted', reference: '<img src=x>' }, '*');
    parent.postMessage({ type: 'ct-embed/v1', event: 'height', height: 'tall' }, '*');
  });
  // All have arrived: CT-FAKE0000 from the host, the forger (its page posts on load), the stray
  // frame and the v2 message; height 5000 from the first three; and the two bad shapes.
  const arrived = (text: string) =>
    page.evaluate((t) => (window as unknown as { seen: string[] }).seen.filter((m) => m.includes(t)).length, text);
  await expect.poll(() => arrived('CT-FAKE0000')).toBe(4);
  await expect.poll(() => arrived('"height":5000')).toBe(3);
  await expect.poll(() => arrived('<img src=x>')).toBe(1);
  await expect.poll(() => arrived('"height":"tall"')).toBe(1);
  const got = await events(page, true);
  expect(got.filter((e) => e.name === 'submitted')).toEqual([]);
  expect(got.every((e) => e.target === 'embed-1' || e.target === 'embed-2')).toBe(true);
  expect(got.filter((e) => e.name === 'step' && e.target === 'embed-1')).toHaveLength(2);
  expect(got.filter((e) => e.name === 'step' && e.target === 'embed-2')).toHaveLength(1);
  expect([await frameHeight(page, 'embed-1'), await frameHeight(page, 'embed-2')]).toEqual(before);
});

/** A browser with a real profile whose third-party cookie setting is `mode` (Chromium's
 * `profile.cookie_controls_mode`: 0 allows, 1 blocks, as chrome://settings/cookies does). */
async function browserWithCookieMode(mode: 0 | 1, testInfo: TestInfo): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'ct-e2e-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: mode } }));
  return chromium.launchPersistentContext(profile, {
    ...(testInfo.project.use.launchOptions ?? {}),
    headless: true,
    viewport: testInfo.project.use.viewport ?? { width: 1280, height: 900 },
  });
}

const frameHasStorage = (f: FrameLocator) =>
  f.locator('body').evaluate(() => {
    try {
      window.localStorage.setItem('ct.probe', '1');
      return true;
    } catch {
      return false;
    }
  });

test('with third-party storage blocked the journey still completes', async ({}, testInfo) => {
  test.slow(); // a whole journey with axe in a frame
  // Blocking third-party cookies (cookie_controls_mode 1) makes Chromium refuse the frame its
  // localStorage (a SecurityError); 127.0.0.1 and 127.0.0.2 are different sites. (Playwright's
  // own contexts behave the same way, so the other tests run with storage refused too.)
  const blocked = await browserWithCookieMode(1, testInfo);
  try {
    const page = blocked.pages()[0] ?? (await blocked.newPage());
    const f = await openPartner(page);
    await expect(f.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await frameHasStorage(f), 'the frame is refused storage').toBe(false);
    await expect(f.getByText('Your answers are kept only while this page is open.')).toBeVisible();
    await expectNoAxeViolations(page);
    await walk(page, f);
    await expect(f.getByText(/CT-[0-9A-Z]{8}/)).toBeVisible();
    expect((await events(page)).map((e) => e.name)).toContain('submitted');
  } finally {
    await blocked.close();
  }
  // The control: with third-party cookies allowed the frame has storage and says nothing.
  const allowed = await browserWithCookieMode(0, testInfo);
  try {
    const page = allowed.pages()[0] ?? (await allowed.newPage());
    const f = await openPartner(page);
    await expect(f.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await frameHasStorage(f)).toBe(true);
    await expect(f.getByText('Your answers are kept only while this page is open.')).toHaveCount(0);
  } finally {
    await allowed.close();
  }
});

test('the options: language, prefilled condition and a theme made accessible', async ({ page }) => {
  const f = await openPartner(page, '?lang=de&condition=multiple-sclerosis&theme=%23ffdd00');
  await expect(page.locator('#embed-1 iframe')).toHaveAttribute('title', 'Anfrage zur Zelltherapie');
  await expect(f.locator('html')).toHaveAttribute('lang', 'de');
  // #ffdd00 under white text is 1.4:1; the embed darkens it to #7f6e00 (5.1:1).
  const button = f.getByRole('button', { name: 'Weiter' });
  await expect(button).toHaveCSS('background-color', 'rgb(127, 110, 0)');
  await expectNoAxeViolations(page);
  await choose(f, 'Für mich');
  await choose(f, 'Ja, 18 oder älter');
  await button.click();
  await expect(f.getByLabel('Multiple Sklerose', { exact: true })).toBeChecked();
  // The parameters travel from step to step, so a reload inside the frame keeps them.
  const frame = page.frames().find((fr) => fr.url().includes('/embed/request/condition'));
  expect(frame?.url()).toContain('partner=demo-clinic');
  expect(frame?.url()).toContain('theme=%237f6e00');
});

test('a refusal tells the partner "not now" and nothing more, and keeps the patient in the frame', async ({ page }) => {
  const f = await openPartner(page);
  await choose(f, 'Myself');
  await choose(f, 'Yes, 18 or over');
  await next(f);
  await choose(f, 'Immunodeficiency disorders');
  await next(f);
  await choose(f, 'Germany');
  await next(f);
  await choose(f, 'No', 'Does the patient have an inflammation in the active phase?');
  await choose(f, 'No', 'Does the patient have an acute infectious disease?');
  await choose(f, 'Yes', 'Does the patient have a fever or feel acutely unwell now?');
  await next(f);
  await expect(f.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(async () => (await events(page)).map((e) => e.name).slice(-2)).toEqual(['step', 'eligibility']);
  const got = await events(page);
  expect(got.slice(-2).map((e) => e.detail)).toEqual([{ step: 'not-now', number: null }, { outcome: 'not-now' }]);
  // No link out of the frame to the site's pages, which may not be framed.
  await expect(f.locator('a[href="/"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

/** The long partner page (`?long=1`): the placeholder 1,500 px below the partner's own text
 * field. Counts every request for the embed's pages. */
async function openLongPage(page: Page) {
  const frameRequests: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/embed/request')) frameRequests.push(req.url());
  });
  await page.goto(`${partnerOrigin}/?long=1`);
  // The loader has run: it marks every placeholder it took over.
  await expect(page.locator('#embed-1')).toHaveAttribute('data-embedded', '1');
  return frameRequests;
}

test('below the fold the frame is made only near the viewport, and never takes focus or scrolls the page', async ({ page }) => {
  const frameRequests = await openLongPage(page);
  const field = page.getByLabel('Your message to the clinic');
  await field.click();
  await page.keyboard.type('Hello');
  // A chance for a wrongly eager loader to ask for the frame (there is nothing to wait for).
  await page.waitForTimeout(500);
  expect(frameRequests, 'no frame requested far from the viewport').toEqual([]);
  await expect(page.locator('#embed-1 iframe')).toHaveCount(0);

  // Scroll until the placeholder's top edge is 100 px below the bottom of the screen.
  const viewport = page.viewportSize()!;
  const top = await page.locator('#embed-1').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const near = Math.round(top - viewport.height - 100);
  await page.evaluate((y) => window.scrollTo(0, y), near);
  await expect(page.locator('#embed-1 iframe')).toHaveCount(1);
  const f = page.frameLocator('#embed-1 iframe');
  await expect(f.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(async () => (await events(page)).map((e) => e.name)).toContain('step');
  expect(frameRequests.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(near);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('partner-message');

  // Into view: still no jump and no focus taken.
  const inView = near + 400;
  await page.evaluate((y) => window.scrollTo(0, y), inView);
  await expect.poll(async () => (await events(page, true)).some((e) => e.name === 'height')).toBe(true);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.scrollY)).toBe(inView);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('partner-message');
  await page.keyboard.type(' world');
  await expect(field).toHaveValue('Hello world');

  // Once the patient acts inside the frame, the frame moves focus as the wizard does.
  await f.getByLabel('Myself', { exact: true }).check();
  await f.getByLabel('Yes, 18 or over', { exact: true }).check();
  await next(f, 'What condition would you like treatment for?');
  await expect(f.getByRole('heading', { level: 1 })).toBeFocused();
});

test('without IntersectionObserver the loader makes the frame at once', { tag: '@any-width' }, async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as any).IntersectionObserver;
  });
  await openLongPage(page);
  await expect(page.locator('#embed-1 iframe')).toHaveCount(1);
  await expect(page.frameLocator('#embed-1 iframe').getByRole('heading', { level: 1 })).toBeVisible();
});
