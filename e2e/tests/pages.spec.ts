// Every page is HTML before any script: the server sends each address its own page, rendered at
// build time by the app's own components (prerender/), in English at the plain address and in
// German at ?lang=de. The app then takes over each page without moving anything or losing focus;
// with no WebAssembly every page but the wizard still reads, and the wizard says what to do.
import { test, expect, holdWasm } from './fixtures';
import { test as bare } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dist = process.env.E2E_DIST_DIR ?? resolve(__dirname, '../../dist');
const pages = JSON.parse(readFileSync(`${dist}/pages.json`, 'utf8')) as { languages: string[]; routes: string[] };
const languages = pages.languages;
const at = (route: string, lang: string) => (lang === languages[0] ? route : `${route}?lang=${lang}`);

/** The pages a reader arrives on most: each is checked for its takeover in both languages. */
const arrivals = [
  '/',
  '/conditions',
  '/conditions/parkinsons-disease',
  '/request/who-for',
  '/contact',
  // The embed's own first address moves on to its first question's (as a partner's frame always
  // has, for the step events it posts), so its takeover is checked on that page.
  '/embed/request/who-for',
];


/** A value of the served HTML's `<head>`. */
const headValue = (html: string, pattern: RegExp) => html.match(pattern)?.[1];

/** The `href` of the first `<link>` whose attributes include all of `attributes`, in any order. */
const linkHref = (html: string, attributes: string[]) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => attributes.every((a) => tag.includes(a)))
    .map((tag) => tag.match(/href="([^"]*)"/)?.[1])[0];

test('every page and language is served its own HTML: heading, title, description, Open Graph, language, links', { tag: '@any-width' }, async ({ request }) => {
  expect(pages.routes.length).toBeGreaterThan(30);
  const titles = new Set<string>();
  for (const route of pages.routes) {
    for (const lang of languages) {
      const response = await request.get(at(route, lang));
      expect(response.status(), at(route, lang)).toBe(200);
      expect(response.headers()['cache-control'], at(route, lang)).toContain('no-cache');
      const html = await response.text();
      const where = `${at(route, lang)}: `;
      expect(headValue(html, /<html lang="([^"]+)"/), where + 'html lang').toBe(lang);
      const title = headValue(html, /<title>([^<]+)<\/title>/);
      expect(title, where + 'title').toBeTruthy();
      expect(headValue(html, /<meta name="description" content="([^"]+)"/), where + 'description').toBeTruthy();
      expect(headValue(html, /<meta property="og:title" content="([^"]+)"/), where + 'og:title').toBeTruthy();
      expect(linkHref(html, ['rel="canonical"']), where + 'canonical').toBe(at(route, lang));
      for (const other of languages) {
        expect(linkHref(html, ['rel="alternate"', `hreflang="${other}"`]), where + `hreflang ${other}`).toBe(at(route, other));
      }
      // Every page, each of the wizard's too, has its own heading in the HTML.
      const heading = html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/)?.[1]?.replace(/<[^>]*>/g, '').trim();
      expect(heading, where + 'h1').toBeTruthy();
      if (['/', '/conditions', '/contact'].includes(route) || route.startsWith('/conditions/')) {
        expect(titles.has(title!), where + `a title of its own: ${title}`).toBe(false);
        titles.add(title!);
      }
    }
  }
});

test('a condition page previews as that condition, in either language', { tag: '@any-width' }, async ({ request }) => {
  const en = await (await request.get('/conditions/parkinsons-disease')).text();
  expect(en).toMatch(/<title>Parkinson[^<]*– Cell therapy in Germany<\/title>/);
  expect(headValue(en, /<meta property="og:title" content="([^"]+)"/)).toMatch(/^Parkinson/);
  expect(headValue(en, /<meta name="description" content="([^"]+)"/)).toMatch(/^Parkinson/);
  const de = await (await request.get('/conditions/parkinsons-disease?lang=de')).text();
  expect(de).toContain('<html lang="de">');
  expect(de).toMatch(/<title>[^<]*– Zelltherapie in Deutschland<\/title>/);
});

test('an unknown address is a 404 with the page that says so, in the reader’s language', { tag: '@any-width' }, async ({ request }) => {
  for (const [path, lang, heading] of [
    ['/no-such-page', 'en', 'Page not found'],
    ['/no-such-page?lang=de', 'de', 'Seite nicht gefunden'],
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(heading);
  }
});

test('/request leads into the wizard', { tag: '@any-width' }, async ({ page }) => {
  await page.goto('/request');
  await expect(page).toHaveURL(/\/request\/who-for$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const lang of languages) {
  for (const route of arrivals) {
    test(`the takeover of ${at(route, lang)} shows what the HTML showed: same elements and attributes, nothing moves`, async ({ page, request }) => {
      const raw = await (await request.get(at(route, lang))).text();
      await page.addInitScript(() => {
        // Each shift with what moved and from where to where, so a failure says which element.
        type Rect = { x: number; y: number; width: number; height: number };
        type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: Rect; currentRect: Rect }[] };
        const w = window as unknown as { __shifts: string[] };
        w.__shifts = [];
        const rect = (r: Rect) => `${r.x},${r.y} ${r.width}x${r.height}`;
        const name = (node?: Node) => node instanceof Element
          ? `<${node.tagName.toLowerCase()} class="${node.className}">${(node.textContent ?? '').trim().slice(0, 40)}`
          : String(node?.nodeName ?? 'a removed node');
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as Shift[]) {
            if (entry.hadRecentInput) continue;
            const moved = entry.sources.map((s) => `${name(s.node)} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`);
            w.__shifts.push(`${entry.value}: ${moved.join('; ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const release = await holdWasm(page);
      await page.goto(at(route, lang));
      await expect(page.locator('#app-prerendered')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      release();
      await expect(page.locator('#app-prerendered')).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Two frames: whatever the takeover changed has been laid out and reported.
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      const [before, after] = await page.evaluate((raw) => {
        // Every element with every attribute, and the text, of the page's visible parts. The
        // footer's saved-for-offline line depends on the service worker, which only the running
        // app knows (src/components/offline_copy.rs); it is the page's last line and moves nothing.
        const describe = (root: Element | null): string[] => {
          if (!root) return [];
          const copy = root.cloneNode(true) as Element;
          copy.querySelectorAll('[class*="app-offline-copy"]').forEach((el) => el.remove());
          return [copy, ...copy.querySelectorAll('*')].map((el) => {
            const attributes = [...el.attributes]
              .map((a) => `${a.name}="${a.value}"`)
              .sort()
              .join(' ');
            return `<${el.tagName.toLowerCase()} ${attributes}>`;
          }).concat((copy.textContent ?? '').replace(/\s+/g, ' ').trim());
        };
        const pick = (d: Document) => [
          ...describe(d.querySelector('header.app-header')),
          ...describe(d.querySelector('main')),
          ...describe(d.querySelector('footer')),
          d.title,
          ...[...d.head.querySelectorAll('meta[name="description"], meta[property^="og:"], link[rel="canonical"], link[rel="alternate"]')]
            .map((el) => el.outerHTML.replace(/\s*\/?>$/, '>'))
            .sort(),
        ];
        return [pick(new DOMParser().parseFromString(raw, 'text/html')), pick(document)];
      }, raw);
      expect(after).toEqual(before);
      // Nothing moves. Chromium sometimes reports a sub-pixel shift of about 1.5e-6 here (2 of
      // 120 runs on a 2-core machine); a line moved by a quarter pixel on a phone already scores
      // about 1e-5, so this bound still catches any shift a reader could see. Every shift is
      // printed with what moved, so the sub-pixel one can be traced.
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
      if (shifts.length > 0) console.log(`layout shifts on ${at(route, lang)}:\n  ${shifts.join('\n  ')}`);
      const score = shifts.reduce((sum, shift) => sum + parseFloat(shift), 0);
      expect(score, shifts.join('\n')).toBeLessThan(1e-5);
    });
  }
}

test.describe('without the service worker', () => {
  // The worker would answer the later pages' wasm from its cache, past the test's hold on it.
  test.use({ serviceWorkers: 'block' });
  test('focus reached in the prerendered copy stays on the same element after the takeover, on every arrival page in both languages', async ({ page }) => {
    test.slow();
    for (const route of arrivals.flatMap((r) => languages.map((lang) => at(r, lang)))) {
      const release = await holdWasm(page);
      await page.goto(route);
      await expect(page.locator('#app-prerendered')).toHaveCount(1);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement!;
        return `${el.tagName}|${el.getAttribute('href') ?? ''}|${el.textContent}`;
      });
      expect(focused, route).not.toMatch(/^BODY/);
      release();
      await expect(page.locator('#app-prerendered')).toHaveCount(0);
      await expect
        .poll(() => page.evaluate(() => {
          const el = document.activeElement!;
          return `${el.tagName}|${el.getAttribute('href') ?? ''}|${el.textContent}`;
        }), { message: route })
        .toBe(focused);
      await page.unroute('**/*.wasm');
    }
  });
});

test('an answer given in the prerendered wizard page is kept when the app takes over', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/request/who-for');
  await expect(page.locator('#app-prerendered')).toHaveCount(1);
  // Both questions answered in the copy, before the app runs.
  await page.locator('#app-prerendered #requester').check();
  await page.locator('#app-prerendered #patient-age-group').check();
  release();
  await expect(page.locator('#app-prerendered')).toHaveCount(0);
  await expect(page.locator('#requester')).toBeChecked();
  await expect(page.locator('#patient-age-group')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/request\/condition$/);
});

bare.describe('with WebAssembly blocked', () => {
  bare('every page but the wizard reads and links on; the wizard says what to do instead', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    for (const lang of languages) {
      for (const route of ['/', '/conditions', '/conditions/parkinsons-disease', '/contact']) {
        await page.goto(at(route, lang));
        await expect(page.getByRole('heading', { level: 1 }), at(route, lang)).toBeVisible();
        await expect(page.locator('main a[href]').first(), at(route, lang)).toBeVisible();
        await expect(page.locator('.app-needs-script')).toHaveCount(0);
      }
      await page.goto(at('/conditions', lang));
      // The whole A-Z list and the category links, with no query.
      expect(await page.locator('main a[href^="/conditions/"]').count()).toBeGreaterThanOrEqual(25);
      await page.goto(at('/request/who-for', lang));
      const notice = page.locator('.app-needs-script');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(lang === 'de' ? 'braucht JavaScript' : 'needs JavaScript');
      await expect(notice.getByRole('link')).toHaveAttribute('href', '/contact');
    }
    // The article's call to action leads to that page, not to a blank one.
    await page.goto('/');
    await page.locator('.app-cta a').first().click();
    await expect(page.locator('.app-needs-script')).toBeVisible();
  });

  bare('with JavaScript off the wizard page says the form needs it', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto('/request/who-for');
    await expect(page.getByText('This form needs JavaScript')).toBeVisible();
    await page.goto('/conditions/parkinsons-disease?lang=de');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.close();
  });
});
