// The outbox: requests not yet acknowledged by the server, kept in IndexedDB (database
// "ct-outbox", store "requests", keyPath "reference") and sent by whoever holds the Web Lock
// "ct-outbox": a page or the service worker. Written once for both: the page imports this module
// through wasm-bindgen (src/offline.rs), and the build copies it into sw.js with the `export`
// keywords removed (scripts/sw-build.sh), so every export must start a line and nothing is imported.
//
// Rules (../shared/docs/quality.md): an item is deleted only after a 2xx; 400/422 (and other
// 4xx but 408/409/429) mark it "attention" with the server's problem detail; network errors, 408,
// 409, 429 and 5xx retry with full-jitter backoff (1 s base, 5 min cap), Retry-After honoured.

const OUTBOX_DB = 'ct-outbox';
const OUTBOX_STORE = 'requests';
// References the server acknowledged (no personal data), so a page can show the server's answer.
const SENT_STORE = 'sent';
const SENT_KEPT = 20;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 300000;
const OLD_MS = 7 * 24 * 3600 * 1000;
export const SYNC_TAG = 'ct-outbox';
const outboxChannel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('ct-outbox') : null;

let outboxDb = null;
function openOutbox() {
  outboxDb ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(OUTBOX_DB, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(OUTBOX_STORE, { keyPath: 'reference' });
      open.result.createObjectStore(SENT_STORE, { keyPath: 'reference' });
    };
    open.onsuccess = () => {
      open.result.onversionchange = () => { open.result.close(); outboxDb = null; };
      resolve(open.result);
    };
    open.onerror = () => { outboxDb = null; reject(open.error); };
  });
  return outboxDb;
}

/** Runs `work(stores)` in one transaction and resolves with its result once committed. */
async function inOutbox(mode, work) {
  const db = await openOutbox();
  return new Promise((resolve, reject) => {
    const tx = db.transaction([OUTBOX_STORE, SENT_STORE], mode);
    const result = work(tx.objectStore(OUTBOX_STORE), tx.objectStore(SENT_STORE));
    tx.oncomplete = () => resolve(result.result);
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

function outboxChanged() {
  outboxChannel?.postMessage('changed');
  report();
}

/** Keeps a request to send later; false when this device keeps nothing (IndexedDB refused). */
export async function queue(body, key, reference) {
  try {
    await inOutbox('readwrite', (items) => items.put({
      reference, key, body, queuedAt: Date.now(), attempts: 0, nextAt: 0, state: 'waiting', detail: '',
    }));
  } catch {
    return false;
  }
  navigator.storage?.persist?.().catch(() => {});
  navigator.serviceWorker?.ready.then((reg) => reg.sync?.register(SYNC_TAG)).catch(() => {});
  outboxChanged();
  flush();
  return true;
}

/** Sends every item that is due, one sender at a time across tabs and the service worker. */
export function flush() {
  if (navigator.onLine === false) return Promise.resolve();
  const run = () => sendDue().catch(() => {});
  // Web Locks refuse a frame without storage access (a partner's page): it does not send then.
  return (navigator.locks ? navigator.locks.request('ct-outbox', run) : run()).catch(() => {});
}

/** Whether items are still waiting (the sync event fails then, so the browser tries again). */
export async function hasWaiting() {
  const items = await inOutbox('readonly', (items) => items.getAll());
  return items.some((item) => item.state === 'waiting');
}

async function sendDue() {
  const items = await inOutbox('readonly', (items) => items.getAll());
  for (const item of items) {
    if (item.state !== 'waiting' || item.nextAt > Date.now()) continue;
    const outcome = await sendOne(item);
    outboxChanged();
    if (outcome === 'offline') break;
  }
  scheduleFlush();
}

async function sendOne(item) {
  let response;
  try {
    response = await fetch('/api/requests', {
      method: 'POST',
      cache: 'no-store',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': item.key,
        Accept: 'application/json, application/problem+json',
      },
      body: item.body,
    });
  } catch {
    await later(item, 0);
    return 'offline';
  }
  const status = response.status;
  if (status >= 200 && status < 300) {
    const created = await response.json().catch(() => ({}));
    await inOutbox('readwrite', (items, sent) => {
      items.delete(item.reference);
      sent.put({ reference: item.reference, server: created.reference || item.reference, at: Date.now() });
      return sent.getAllKeys();
    });
    return 'sent';
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429) {
    const problem = await response.json().catch(() => null);
    const details = [problem?.detail, ...(problem?.errors ?? []).map((e) => e.detail)];
    const detail = details.filter(Boolean).join(' ') || `HTTP ${status}`;
    await inOutbox('readwrite', (items) => items.put({ ...item, state: 'attention', detail }));
    return 'attention';
  }
  await later(item, retryAfterMs(response.headers.get('Retry-After')));
  return 'retry';
}

function retryAfterMs(value) {
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 0;
}

/** Full jitter: a random wait up to min(cap, base * 2^attempts), never before Retry-After. */
async function later(item, atLeastMs) {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** item.attempts);
  const wait = Math.max(atLeastMs, Math.random() * ceiling);
  const next = { ...item, attempts: item.attempts + 1, nextAt: Date.now() + wait };
  await inOutbox('readwrite', (items) => items.put(next));
}

let flushTimer = null;
function scheduleFlush() {
  if (typeof window === 'undefined') return; // the service worker relies on sync and start-up
  inOutbox('readonly', (items) => items.getAll()).then((items) => {
    const due = items.filter((i) => i.state === 'waiting').map((i) => i.nextAt);
    clearTimeout(flushTimer);
    if (due.length) flushTimer = setTimeout(flush, Math.max(0, Math.min(...due) - Date.now()));
  }, () => {});
}

// ---- The page's side: the service worker's registration, updates, the saved-copy note and
// the reports to the app (one JSON string each time something changes).

let reportTo = null;
let savedAt = null;
let showingCopy = false;
let updateReady = false;
let updateAccepted = false;

async function report() {
  if (!reportTo) return;
  const [items, sent] = await inOutbox('readonly', (items, sent) => {
    const all = items.getAll();
    const done = sent.getAll();
    return { get result() { return [all.result, done.result]; } };
  }).catch(() => [[], []]);
  sent.sort((a, b) => b.at - a.at);
  reportTo(JSON.stringify({
    saved_at: showingCopy ? savedAt : null,
    update: updateReady,
    items: items.sort((a, b) => a.queuedAt - b.queuedAt).map((item) => ({
      reference: item.reference,
      attention: item.state === 'attention',
      detail: item.detail,
      old: Date.now() - item.queuedAt > OLD_MS,
    })),
    sent: sent.map((s) => [s.reference, s.server]),
  }));
  if (sent.length > SENT_KEPT) {
    inOutbox('readwrite', (_, store) => sent.slice(SENT_KEPT).forEach((s) => store.delete(s.reference)))
      .catch(() => {});
  }
}

/** Starts the page's side: reports to `onReport`, senders on start-up, `online` and visibility;
 * registers the service worker unless `register` is false (inside a partner's frame). */
export function start(onReport, register) {
  reportTo = onReport;
  if (outboxChannel) outboxChannel.onmessage = () => report();
  addEventListener('online', () => { showingCopy = false; report(); flush(); });
  addEventListener('offline', () => { showingCopy = savedAt !== null; report(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    flush();
    navigator.serviceWorker?.getRegistration().then((reg) => reg?.update()).catch(() => {});
  });
  if (register && 'serviceWorker' in navigator) registerWorker();
  report();
  flush();
}

function registerWorker() {
  const sw = navigator.serviceWorker;
  sw.addEventListener('message', (event) => {
    if (event.data?.type !== 'COPY') return;
    savedAt = event.data.savedAt;
    showingCopy = savedAt !== null && (event.data.fromCache || navigator.onLine === false);
    report();
  });
  sw.addEventListener('controllerchange', () => {
    if (updateAccepted) location.reload();
  });
  sw.controller?.postMessage({ type: 'WHICH_COPY' });
  sw.register('/sw.js').then((reg) => {
    // Offered only when a new worker waits behind the one controlling this page.
    const offer = () => {
      if (reg.waiting && sw.controller && !updateReady) { updateReady = true; report(); }
    };
    offer();
    reg.addEventListener('updatefound', () => reg.installing?.addEventListener('statechange', offer));
  }, () => {});
}

/** The user accepted the new version: the waiting worker takes over, then the page reloads. */
export function applyUpdate() {
  updateAccepted = true;
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg?.waiting) reg.waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  });
}

/** "Try again" on an item that needs attention: it waits again and is sent now. */
export async function retry(reference) {
  await inOutbox('readwrite', (items) => {
    const get = items.get(reference);
    get.onsuccess = () => get.result && items.put({ ...get.result, state: 'waiting', attempts: 0, nextAt: 0 });
    return get;
  }).catch(() => {});
  outboxChanged();
  flush();
}

/** Drops the item of a request the server has just acknowledged through the wizard itself. */
export async function forget(reference) {
  await inOutbox('readwrite', (items) => items.delete(reference)).catch(() => {});
  outboxChanged();
}
