// The request wizard end to end against the real server: journeys in English and German, every
// refusal reaching its page with nothing posted, the error pattern, the saved draft, history and
// keyboard use, and axe on every step in every state.
import { Page, Request } from '@playwright/test';
import { test, expect, open, expectNoAxeViolations } from './fixtures';

const T = {
  en: {
    cont: 'Continue', send: 'Send request', myself: 'Myself', someoneElse: 'Someone else',
    parent: 'Parent or guardian', adult: 'Yes, 18 or over', minor: 'No, under 18',
    germany: 'Germany', yes: 'Yes', no: 'No', notSure: 'Not sure',
    inflammation: 'Does the patient have an inflammation in the active phase?',
    infection: 'Does the patient have an acute infectious disease?',
    fever: 'Does the patient have a fever or feel acutely unwell now?',
    patientName: 'What is the patient’s full name?', requesterName: 'What is your full name?',
    phoneCall: 'Phone call', phone: 'Phone number', email: 'Email', emailAddress: 'Email address',
    morning: 'Morning (8am to 12pm)',
    consentHealth: /process the patient’s health data/, consentClinics: /pass this request to partner clinics/,
    done: 'Thank you! We received your treatment application', condition: 'Immunodeficiency disorders',
  },
  de: {
    cont: 'Weiter', send: 'Anfrage senden', myself: 'Für mich', someoneElse: 'Für jemand anderen',
    parent: 'Elternteil oder Vormund', adult: 'Ja, 18 oder älter', minor: 'Nein, unter 18',
    germany: 'Deutschland', yes: 'Ja', no: 'Nein', notSure: 'Weiß nicht',
    inflammation: 'Hat der Patient eine Entzündung in der aktiven Phase?',
    infection: 'Hat der Patient eine akute Infektionskrankheit?',
    fever: 'Hat der Patient jetzt Fieber oder fühlt er sich akut krank?',
    patientName: 'Wie lautet der vollständige Name des Patienten?', requesterName: 'Wie lautet Ihr vollständiger Name?',
    phoneCall: 'Anruf', phone: 'Telefonnummer', email: 'E-Mail', emailAddress: 'E-Mail-Adresse',
    morning: 'Vormittags (8 bis 12 Uhr)',
    consentHealth: /Gesundheitsdaten des Patienten/, consentClinics: /an Partnerkliniken/,
    done: 'Vielen Dank! Wir haben Ihre Behandlungsanfrage erhalten', condition: 'Immundefekte',
  },
};
type Texts = (typeof T)['en'];

/** Records every POST to the intake API. */
function watchPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/requests')) posts.push(r);
  });
  return posts;
}

async function choose(page: Page, label: string, group?: string) {
  const scope = group ? page.getByRole('group', { name: group }) : page;
  await scope.getByLabel(label, { exact: true }).check();
}

async function next(page: Page, t: Texts, heading?: string | RegExp) {
  await page.getByRole('button', { name: t.cont }).click();
  if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
}

async function answerWhoFor(page: Page, t: Texts, who: 'myself' | 'parent', age: 'adult' | 'minor' = 'adult') {
  await choose(page, who === 'myself' ? t.myself : t.someoneElse);
  if (who === 'parent') await choose(page, t.parent);
  await choose(page, age === 'adult' ? t.adult : t.minor);
  await next(page, t);
}

async function answerHealth(page: Page, t: Texts, a: [string, string, string]) {
  await choose(page, a[0], t.inflammation);
  await choose(page, a[1], t.infection);
  await choose(page, a[2], t.fever);
  await next(page, t);
}

/** Who-for, condition and country answered; the page is then the health step. */
async function toHealth(page: Page, t: Texts, lang = 'en') {
  await open(page, `/request/who-for?lang=${lang}`);
  await answerWhoFor(page, t, 'myself');
  await choose(page, t.condition);
  await next(page, t);
  await choose(page, t.germany);
  await next(page, t);
  await expect(page).toHaveURL(/\/request\/health$/);
}

/** A complete draft for oneself, up to check your answers; the email typed in mixed case. */
async function toCheck(page: Page, health: [string, string, string] = ['No', 'No', 'No']) {
  await toHealth(page, T.en);
  await answerHealth(page, T.en, health);
  await page.getByLabel(T.en.patientName).fill('Jo Bloggs');
  await next(page, T.en);
  await choose(page, T.en.email);
  await page.getByLabel(T.en.emailAddress).fill('Jo@Example.COM');
  await page.getByRole('combobox', { name: 'Your time zone' }).selectOption('Europe/Berlin');
  await next(page, T.en);
  await page.getByLabel(T.en.consentHealth).check();
  await page.getByLabel(T.en.consentClinics).check();
  await next(page, T.en);
  await expect(page).toHaveURL(/\/request\/check$/);
}

async function journey(page: Page, t: Texts, lang: string, who: 'myself' | 'parent', health: [string, string, string]) {
  // Nine pages, each with an axe run, on a shared two-core machine.
  test.slow();
  const posts = watchPosts(page);
  await open(page, `/request/who-for?lang=${lang}`);
  await expect(page).toHaveTitle(/^(Step|Schritt) 1 (of|von) 8: /);
  await expectNoAxeViolations(page);
  await answerWhoFor(page, t, who);
  await expect(page).toHaveURL(/\/request\/condition$/);
  await expectNoAxeViolations(page);
  await choose(page, t.condition);
  await next(page, t);
  await expectNoAxeViolations(page);
  await choose(page, t.germany);
  await next(page, t);
  await expectNoAxeViolations(page);
  await answerHealth(page, t, health);
  await expect(page).toHaveURL(/\/request\/patient$/);
  await expectNoAxeViolations(page);
  await page.getByLabel(t.patientName).fill('Zoë Müller');
  await next(page, t);
  await expect(page).toHaveURL(/\/request\/contact$/);
  await expectNoAxeViolations(page);
  if (who === 'parent') await page.getByLabel(t.requesterName).fill('Anna Müller');
  await choose(page, t.phoneCall);
  await page.getByLabel(t.phone, { exact: true }).fill('+49 30 1234567');
  await choose(page, t.morning);
  await page.getByRole('combobox', { name: /^(Your time zone|Ihre Zeitzone)$/ }).selectOption('Europe/Berlin');
  await next(page, t);
  await expect(page).toHaveURL(/\/request\/consent$/);
  await expectNoAxeViolations(page);
  await page.getByLabel(t.consentHealth).check();
  await page.getByLabel(t.consentClinics).check();
  await next(page, t);
  await expect(page).toHaveURL(/\/request\/check$/);
  await expect(page.getByText('Zoë Müller')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(posts).toHaveLength(0);
  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.done);
  await expect(page.getByText(/CT-[0-9A-Z]{8}/)).toBeVisible();
  await expectNoAxeViolations(page);
  expect(posts).toHaveLength(1);
  const body = posts[0].postDataJSON();
  expect(posts[0].headers()['idempotency-key']).toBe(body.idempotency_key);
  // Going back after sending never sends again, and the answers are gone from the device.
  await page.goBack();
  await expect(page).toHaveURL(/\/request\/who-for$/);
  expect(posts).toHaveLength(1);
  const saved = await page.evaluate(() => localStorage.getItem('ct.draft.v1'));
  expect(saved).toBeNull();
  return body;
}

test('a request for oneself, in English', async ({ page }) => {
  const body = await journey(page, T.en, 'en', 'myself', ['No', 'No', 'No']);
  expect(body.requester).toBeNull();
  expect(body.contact.phone).toBe('+49301234567');
});

test('a request for a relative, in German', async ({ page }) => {
  const body = await journey(page, T.de, 'de', 'parent', [T.de.no, T.de.no, T.de.no]);
  expect(body.requester).toEqual({ name: 'Anna Müller', relation: 'parent_or_guardian' });
  expect(body.locale).toBe('de');
});

test('a request for oneself, in German', async ({ page }) => {
  const body = await journey(page, T.de, 'de', 'myself', [T.de.no, T.de.no, T.de.no]);
  expect(body.requester).toBeNull();
});

test('a request for a relative, in English', async ({ page }) => {
  const body = await journey(page, T.en, 'en', 'parent', ['No', 'No', 'No']);
  expect(body.requester.relation).toBe('parent_or_guardian');
});

test('"not sure" answers end as needs review and are posted', async ({ page }) => {
  test.slow();
  const posts = watchPosts(page);
  await toCheck(page, ['Not sure', 'Not sure', 'No']);
  await expect(page.getByText('A doctor will look at some of your answers')).toBeVisible();
  await expect(page.getByText('A doctor will check whether there is an active inflammation.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: T.en.send }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.en.done);
  expect(posts).toHaveLength(1);
  const body = posts[0].postDataJSON();
  expect(body.screening).toEqual({ active_inflammation: 'not_sure', acute_infection: 'not_sure', fever_or_unwell: 'no' });
  expect(body.contact.email).toBe('Jo@example.com');
});

test('check your answers opened too early goes to the first unanswered step', { tag: '@any-width' }, async ({ page }) => {
  await toHealth(page, T.en);
  await answerHealth(page, T.en, ['No', 'No', 'No']);
  await page.goto('/request/check');
  await expect(page).toHaveURL(/\/request\/patient$/);
});

const excluded = ['Turkey', 'Israel', 'Russia', 'Switzerland', 'South Korea', 'India'];
for (const country of excluded) {
  test(`${country} reaches the not-eligible page and nothing is posted`, async ({ page }) => {
    const posts = watchPosts(page);
    await open(page, '/request/who-for');
    await answerWhoFor(page, T.en, 'myself');
    await choose(page, T.en.condition);
    await next(page, T.en);
    await choose(page, country);
    await next(page, T.en, 'We cannot take your request now');
    await expect(page.getByRole('heading', { level: 2 })).toContainText(country);
    await expectNoAxeViolations(page);
    expect(posts).toHaveLength(0);
  });
}

test('another country is offered Germany, and the button chooses it', { tag: '@any-width' }, async ({ page }) => {
  await open(page, '/request/who-for');
  await answerWhoFor(page, T.en, 'myself');
  await choose(page, T.en.condition);
  await next(page, T.en);
  await choose(page, 'Another country');
  await next(page, T.en, 'We cannot take your request now');
  await expect(page.getByText('We arrange treatment in Germany only at the moment')).toBeVisible();
  await page.getByRole('button', { name: 'Choose Germany instead' }).click();
  await expect(page).toHaveURL(/\/request\/health$/);
});

for (const [name, answers, heading] of [
  ['active inflammation', ['Yes', 'No', 'No'], 'We cannot take your request now'],
  ['acute infection', ['No', 'Yes', 'No'], 'We cannot take your request now'],
  ['fever', ['No', 'No', 'Yes'], 'See a doctor now'],
] as const) {
  test(`${name} reaches its page and nothing is posted`, async ({ page }) => {
    const posts = watchPosts(page);
    await toHealth(page, T.en);
    await answerHealth(page, T.en, [...answers] as [string, string, string]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page);
    // A later step by URL leads back to the refusal, not past it.
    await page.goto('/request/patient');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    expect(posts).toHaveLength(0);
  });
}

test('a minor without a parent reaches the not-eligible page', async ({ page }) => {
  await open(page, '/request/who-for');
  await answerWhoFor(page, T.en, 'myself', 'minor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We cannot take your request now');
  await expect(page.getByText('A parent or guardian must make the request')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the error summary is focused, titled and links to the field', async ({ page }) => {
  await open(page, '/request/who-for');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('There is a problem');
  await expect(page).toHaveTitle(/^Error: Step 1 of 8: /);
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: 'Select who the request is for' }).click();
  await expect(page.getByLabel('Myself', { exact: true })).toBeFocused();
  // Inline messages match the summary; the input is kept on the text steps.
  await expect(page.locator('#requester-error')).toContainText('Select who the request is for');
});

test('a wrong phone number keeps what was typed', async ({ page }) => {
  await toHealth(page, T.en);
  await answerHealth(page, T.en, ['No', 'No', 'No']);
  await page.getByLabel(T.en.patientName).fill('Jo Bloggs');
  await next(page, T.en);
  await choose(page, T.en.phoneCall);
  await page.getByLabel('Phone number', { exact: true }).fill('12ab');
  await next(page, T.en);
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByLabel('Phone number', { exact: true })).toHaveValue('12ab');
  await expectNoAxeViolations(page);
});

test('a reload in the middle keeps the answers', { tag: '@any-width' }, async ({ page }) => {
  await toHealth(page, T.en);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions about the patient’s health now');
  await page.goto('/request/country');
  await expect(page.getByLabel('Germany', { exact: true })).toBeChecked();
});

test('back and forward move between steps', { tag: '@any-width' }, async ({ page }) => {
  await toHealth(page, T.en);
  await page.goBack();
  await expect(page).toHaveURL(/\/request\/country$/);
  await expect(page.getByLabel('Germany', { exact: true })).toBeChecked();
  await page.goBack();
  await expect(page).toHaveURL(/\/request\/condition$/);
  await page.goForward();
  await expect(page).toHaveURL(/\/request\/country$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a later step opened by URL goes to the first unanswered one', { tag: '@any-width' }, async ({ page }) => {
  await page.goto('/request/consent');
  await expect(page).toHaveURL(/\/request\/who-for$/);
});

test('a condition page link prefills the condition', { tag: '@any-width' }, async ({ page }) => {
  await open(page, '/request/who-for?condition=atherosclerosis');
  await answerWhoFor(page, T.en, 'myself');
  await expect(page.getByLabel("Atherosclerosis of the limbs and of the brain's arteries")).toBeChecked();
});

test('the condition step search narrows the list, misspellings and lay terms included', async ({ page }) => {
  await open(page, '/request/who-for');
  await answerWhoFor(page, T.en, 'myself');
  const search = page.getByLabel('Search for the condition');
  await search.fill('multipel sklerosis');
  // Enter narrows; it must not submit the step.
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'condition' })).toHaveText('1 condition found');
  await expect(page.getByRole('radio', { name: 'Multiple sclerosis' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Something else' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Alzheimer/ })).toBeHidden();
  await page.getByRole('radio', { name: 'Multiple sclerosis' }).check();
  await search.fill('heart attack');
  // The chosen condition stays in view whatever the search shows.
  await expect(page.getByRole('radio', { name: 'Multiple sclerosis' })).toBeVisible();
  await expectNoAxeViolations(page);
  await search.fill('');
  await expect(page.getByRole('radio', { name: /Alzheimer/ })).toBeVisible();
  await next(page, T.en);
  await expect(page).toHaveURL(/\/request\/country$/);
});

test("the finder's request-anyway link carries the searched words as something else", { tag: '@any-width' }, async ({ page }) => {
  await open(page, '/request/who-for?something_else=stiff%20joints%20in%20the%20morning');
  await answerWhoFor(page, T.en, 'myself');
  await expect(page.getByLabel('Something else')).toBeChecked();
  await expect(page.getByLabel('Describe the condition in your own words')).toHaveValue(
    'stiff joints in the morning',
  );
});

test('"Change" on check your answers returns to check', { tag: '@any-width' }, async ({ page }) => {
  await toCheck(page);
  await page.getByRole('link', { name: 'Change Patient’s name' }).click();
  await expect(page).toHaveURL(/\/request\/patient\?return=check$/);
  await page.getByLabel(T.en.patientName).fill('Jo Smith');
  await next(page, T.en);
  await expect(page).toHaveURL(/\/request\/check$/);
  await expect(page.getByText('Jo Smith')).toBeVisible();
});

test('keyboard only: the first steps with Tab, Space and Enter', async ({ page }) => {
  await open(page, '/request/who-for');
  // A page the browser opened starts at the top, as every page does: Tab leads through the
  // site's header and the back link to the first answer.
  const myself = page.getByLabel('Myself', { exact: true });
  for (let i = 0; i < 15 && !(await myself.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(myself).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Yes, 18 or over', { exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/request\/condition$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

/** The browser reports failed requests on the console; those are expected here, nothing else. */
function allowFailedLoads(problems: string[]) {
  const rest = problems.filter((p) => !p.includes('Failed to load resource'));
  problems.splice(0, problems.length, ...rest);
}

test('each failure is said in words, and every retry reuses the same key', async ({ page, guards }) => {
  test.slow();
  // Without IndexedDB there is no outbox (offline.spec.ts covers it): each failure is said here.
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  const posts = watchPosts(page);
  await toCheck(page);
  const send = page.getByRole('button', { name: T.en.send });

  await page.route('**/api/requests', (route) => route.abort('internetdisconnected'));
  await send.click();
  await expect(page.getByRole('alert')).toContainText('Check your internet connection');
  await expect(page.getByRole('alert')).toBeFocused();
  await expectNoAxeViolations(page);

  await page.unroute('**/api/requests');
  await page.route('**/api/requests', (route) =>
    route.fulfill({ status: 429, headers: { 'Retry-After': '7' }, contentType: 'application/problem+json',
      body: JSON.stringify({ type: '/problems/rate-limited', title: 'Too many', status: 429, detail: '' }) }));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toContainText('Wait 7 seconds');

  await page.unroute('**/api/requests');
  await page.route('**/api/requests', (route) => route.fulfill({ status: 503, body: '' }));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toContainText('a problem on our side');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(T.en.done);

  await page.unroute('**/api/requests');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.en.done);
  const keys = new Set(posts.map((p) => p.headers()['idempotency-key']));
  const references = new Set(posts.map((p) => p.postDataJSON().reference));
  expect(posts.length).toBe(4);
  expect(keys.size).toBe(1);
  expect(references.size).toBe(1);
  allowFailedLoads(guards.problems);
});

test('a 422 sends its errors back to their step, then to check', { tag: '@any-width' }, async ({ page, guards }) => {
  test.slow();
  await toCheck(page);
  await page.route('**/api/requests', (route) =>
    route.fulfill({ status: 422, contentType: 'application/problem+json',
      body: JSON.stringify({ type: '/problems/validation', title: 'There is a problem with the request',
        status: 422, detail: 'Some answers are missing.',
        errors: [{ pointer: '/patient/name', detail: 'Enter the patient’s full name' }] }) }));
  await page.getByRole('button', { name: T.en.send }).click();
  await expect(page).toHaveURL(/\/request\/patient\?return=check$/);
  await expect(page.getByRole('alert')).toContainText('Enter the patient’s full name');
  await expect(page).toHaveTitle(/^Error: Step 5 of 8: /);
  await page.unroute('**/api/requests');
  await page.getByLabel(T.en.patientName).fill('Jo Smith');
  await next(page, T.en);
  await expect(page).toHaveURL(/\/request\/check$/);
  allowFailedLoads(guards.problems);
});
