// The outbox: requests not yet acknowledged by the server, kept in IndexedDB (database
// "ct-outbox", store "requests", keyPath "reference") and sent by whoever holds the Web Lock
// "ct-outbox": a page or the service worker. Written once for both: the page imports this module
// through wasm-bindgen (src/offline.rs), and the build copies it into sw.js with the `export`
// keywords removed (scripts/sw-build.sh), so every export must start a line and nothing is imported.
// The page's own side (the worker's registration, the saved copy, the reports) is
// src/offline_page.js, which imports this module.
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
/** Tells the other pages of this site that the outbox ('changed') or the saved copy ('copy') changed. */
export const outboxChannel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('ct-outbox') : null;

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

let changeListener = null;
/** Calls `listener` whenever this document changed the outbox (the page reports then). */
export function onChange(listener) {
  changeListener = listener;
}

/** Tells the other pages and this one's listener; resolves once the listener is done, so the
 * page's state holds the change when the caller's promise resolves. */
async function outboxChanged() {
  outboxChannel?.postMessage('changed');
  await changeListener?.();
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
  // The page's own sender first (its lock request comes before the worker's sync event can ask);
  // resolved once the page's state holds the item.
  const reported = outboxChanged();
  flush();
  navigator.serviceWorker?.ready.then((reg) => reg.sync?.register(SYNC_TAG)).catch(() => {});
  await reported;
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
    // Each field's problem with its pointer, so the page can open the step it belongs to.
    const errors = (Array.isArray(problem?.errors) ? problem.errors : [])
      .map((e) => ({ pointer: String(e?.pointer ?? ''), detail: String(e?.detail ?? '') }));
    const details = [problem?.detail, ...errors.map((e) => e.detail)];
    const detail = details.filter(Boolean).join(' ') || `HTTP ${status}`;
    await inOutbox('readwrite', (items) => items.put({ ...item, state: 'attention', detail, errors }));
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

// ---- What the page shows and does with the outbox.

/** The items as the page shows them (oldest first) and the references the server acknowledged
 * (newest first, the oldest beyond SENT_KEPT forgotten). */
export async function listOutbox() {
  const [items, sent] = await inOutbox('readonly', (items, sent) => {
    const all = items.getAll();
    const done = sent.getAll();
    return { get result() { return [all.result, done.result]; } };
  });
  sent.sort((a, b) => b.at - a.at);
  if (sent.length > SENT_KEPT) {
    inOutbox('readwrite', (_, store) => sent.slice(SENT_KEPT).forEach((s) => store.delete(s.reference)))
      .catch(() => {});
  }
  return {
    items: items.sort((a, b) => a.queuedAt - b.queuedAt).map((item) => ({
      reference: item.reference,
      queued_at: item.queuedAt,
      attention: item.state === 'attention',
      detail: item.detail,
      errors: item.errors ?? [],
      old: Date.now() - item.queuedAt > OLD_MS,
    })),
    sent: sent.slice(0, SENT_KEPT),
  };
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

/** Deletes an item the server refused, at the reader's request; true when it is gone. Only an
 * item that needs attention: one waiting may be on its way to the server at this moment. */
export async function discard(reference) {
  let gone = false;
  await inOutbox('readwrite', (items) => {
    const get = items.get(reference);
    get.onsuccess = () => {
      if (get.result?.state !== 'attention') return;
      items.delete(reference);
      gone = true;
    };
    return get;
  }).catch(() => { gone = false; });
  await outboxChanged();
  return gone;
}

/** The server has just acknowledged a request through the wizard itself (`server` is its
 * reference): its item, if any, leaves the outbox as sent, so every page says so. */
export async function forget(reference, server) {
  await inOutbox('readwrite', (items, sent) => {
    const get = items.get(reference);
    get.onsuccess = () => {
      if (!get.result) return;
      items.delete(reference);
      sent.put({ reference, server: server || reference, at: Date.now() });
    };
    return get;
  }).catch(() => {});
  await outboxChanged();
}
