// The page's side of the offline bridge (src/offline.rs imports it; the service worker does not):
// the worker's registration, the new version on offer, the saved copy (on show, saved, removed)
// and the reports to the app, one JSON string each time something changes. The outbox itself is
// ./outbox.js, shared with the worker.
import { flush, listOutbox, onChange, outboxChannel } from './outbox.js';

// How long the page waits for the worker's answer when saving (an older worker never answers).
const SAVE_WAIT_MS = 60000;

let reportTo = null;
// When the copy this page may be showing was saved (ms since the epoch), and whether it is.
let savedAt = null;
let showingCopy = false;
// The saved copy: 'unsupported' (no worker here, or not known yet: nothing shown), 'saving',
// 'saved' or 'absent'.
let copy = 'unsupported';
let updateReady = false;
let updateAccepted = false;

async function report() {
  if (!reportTo) return;
  const { items, sent } = await listOutbox().catch(() => ({ items: [], sent: [] }));
  reportTo(JSON.stringify({
    ready: true,
    saved_at: showingCopy ? savedAt : null,
    copy,
    copy_saved_at: copy === 'saved' ? savedAt : null,
    update: updateReady,
    items,
    sent: sent.map((s) => [s.reference, s.server]),
  }));
}

/** Starts the page's side: reports to `onReport`, senders on start-up, `online` and visibility.
 * `worker`: this page may have a service worker (not inside a partner's frame); `register`: it
 * registers one (not when the reader removed the saved copy). */
export function start(onReport, worker, register) {
  reportTo = onReport;
  onChange(report);
  if (outboxChannel) {
    outboxChannel.onmessage = (event) => (event.data === 'copy' ? askCopy() : report());
  }
  addEventListener('online', () => { showingCopy = false; report(); flush(); });
  addEventListener('offline', () => { showingCopy = copy === 'saved' && savedAt !== null; report(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    flush();
    navigator.serviceWorker?.getRegistration().then((reg) => reg?.update()).catch(() => {});
  });
  if (worker && 'serviceWorker' in navigator) watchWorker(register);
  report();
  flush();
}

function watchWorker(register) {
  const sw = navigator.serviceWorker;
  sw.addEventListener('message', (event) => {
    if (event.data?.type !== 'COPY') return;
    savedAt = event.data.savedAt;
    copy = savedAt === null ? 'absent' : 'saved';
    showingCopy = savedAt !== null && (event.data.fromCache || navigator.onLine === false);
    report();
  });
  sw.addEventListener('controllerchange', () => {
    if (updateAccepted) location.reload();
    else askCopy();
  });
  (register ? sw.register('/sw.js') : sw.getRegistration()).then((reg) => {
    if (!reg) return askCopy();
    // Offered only when a new worker waits behind the one controlling this page.
    const offer = () => {
      if (reg.waiting && sw.controller && !updateReady) { updateReady = true; report(); }
    };
    offer();
    reg.addEventListener('updatefound', () => reg.installing?.addEventListener('statechange', offer));
    if (reg.active) return askCopy();
    copy = 'saving'; // the first visit: the worker installs and fills its cache
    report();
    return activated(reg).then(askCopy);
  }).catch(askCopy);
}

/** Asks the active worker which copy it keeps; it answers with a COPY message. */
function askCopy() {
  return navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg?.active) {
      reg.active.postMessage({ type: 'WHICH_COPY' });
      return;
    }
    copy = reg?.installing || reg?.waiting ? 'saving' : 'absent';
    report();
  }).catch(() => { copy = 'absent'; report(); });
}

/** The registration's active worker once activated; rejects when its installation fails. */
function activated(reg) {
  const worker = reg.active ?? reg.waiting ?? reg.installing;
  if (!worker) return Promise.reject(new Error('no service worker'));
  if (worker.state === 'activated') return Promise.resolve(worker);
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve(worker);
      if (worker.state === 'redundant') reject(new Error('the service worker was not installed'));
    });
  });
}

/** The reader asked to save the site for reading offline (again): keeps the storage if the
 * browser allows, registers the worker and has it fill its cache. True once saved. */
export async function saveCopy() {
  navigator.storage?.persist?.().catch(() => {});
  const sw = navigator.serviceWorker;
  if (!sw) return false;
  copy = 'saving';
  report();
  try {
    const worker = await activated(await sw.register('/sw.js'));
    const at = await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      worker.postMessage({ type: 'SAVE' }, [channel.port2]);
      setTimeout(() => resolve(null), SAVE_WAIT_MS);
    });
    savedAt = typeof at === 'number' ? at : null;
    copy = savedAt === null ? 'absent' : 'saved';
  } catch {
    copy = 'absent';
  }
  outboxChannel?.postMessage('copy');
  report();
  return copy === 'saved';
}

/** The reader asked to remove the saved copy: the worker is unregistered (it stops serving and
 * caching once this page is gone) and its caches deleted. The outbox is kept. True when done. */
export async function removeCopy() {
  let removed = true;
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    if (reg) removed = await reg.unregister();
    for (const name of await caches.keys()) {
      if (name.startsWith('ct-')) await caches.delete(name);
    }
  } catch {
    removed = false;
  }
  if (removed) {
    copy = 'absent';
    savedAt = null;
    showingCopy = false;
  }
  outboxChannel?.postMessage('copy');
  report();
  return removed;
}

/** The reader accepted the new version: the waiting worker takes over, then the page reloads. */
export function applyUpdate() {
  updateAccepted = true;
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg?.waiting) reg.waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  });
}
