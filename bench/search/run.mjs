// Runs the condition search benchmark: serves this folder on 127.0.0.1 (cross-origin isolated,
// so performance.now() has its fine resolution), opens bench page in Debian's headless Chromium
// through playwright-core, and prints one table. It measures; it asserts nothing.
// Usage: node run.mjs [--size 10000] [--generated 200] [--rounds 5]   (see ./run, which builds first)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const query = new URLSearchParams({
  size: args.size ?? '10000',
  generated: args.generated ?? '200',
  rounds: args.rounds ?? '5',
  seed: args.seed ?? '42',
  budget: args.budget ?? '20000',
});

// playwright-core from this folder, or the e2e suite's copy.
function loadPlaywright() {
  for (const base of [here, join(here, '../../e2e')]) {
    const require = createRequire(join(base, 'package.json'));
    try {
      return require('playwright-core');
    } catch {
      // try the next place
    }
  }
  throw new Error('playwright-core not found: run npm ci in bench/search');
}

const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = join(here, path === '/' ? 'index.html' : path);
  if (!file.startsWith(here) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cache-control': 'no-store',
  });
  res.end(await readFile(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/?${query}`;

const { chromium } = loadPlaywright();
const profile = mkdtempSync(join(tmpdir(), 'search-bench-'));
// A fresh profile each run: nothing cached or compiled from an earlier run.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage', '--enable-precise-memory-info',
  ],
});
const browser = context.browser();
try {
  const page = await context.newPage();
  page.on('console', (msg) => process.stderr.write(`page: ${msg.text()}\n`));
  page.on('pageerror', (err) => process.stderr.write(`page error: ${err.message}\n`));
  const cdp = await context.newCDPSession(page);
  // The JS heap in use after a full collection: the page awaits it around each index build.
  await page.exposeFunction('heapUsed', async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  });
  await page.goto(url);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 3_600_000, polling: 1000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  print(result, browser?.version() ?? 'chromium');
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

function print(result, version) {
  const ms = (v) => (v < 1 ? v.toFixed(3) : v.toFixed(1));
  const mb = (v) => (v / 1048576).toFixed(1);
  console.log(`Condition search, ${result.size} entries, ${result.queries} queries (up to ${query.get('rounds')} rounds each), Chromium ${version} headless, cross-origin isolated timers: ${result.timerResolutionIsolated}`);
  const header = ['engine', 'samples', 'index build ms', 'p50 ms', 'p95 ms', 'memory MB', 'recall@5 all', 'recall@5 real'];
  const lines = result.rows.map((r) => [
    r.engine,
    r.samples,
    ms(r.buildMs),
    ms(r.p50),
    ms(r.p95),
    r.engine.includes('wasm') ? `${mb(r.wasmBytes)} (wasm memory)` : `${mb(r.heapBytes)} (JS heap)`,
    `${(r.recall * 100).toFixed(1)}%`,
    r.recallReal,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const row = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(row(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(row(line));
}
