// The benchmark page: the same corpus and queries for our engine (wasm), Fuse.js and MiniSearch,
// one engine after another in one page. It measures; it asserts nothing. run.mjs reads
// `window.benchResult`.
import init, * as ours from '/pkg/search_bench.js';
import Fuse from '/node_modules/fuse.js/dist/fuse.mjs';
import MiniSearch from '/node_modules/minisearch/dist/es/index.js';

const params = new URLSearchParams(location.search);
const SIZE = Number(params.get('size') ?? 10000);
const SEED = Number(params.get('seed') ?? 42);
const GENERATED = Number(params.get('generated') ?? 200);
const ROUNDS = Number(params.get('rounds') ?? 5);
const TOP = 5;
const BUDGET_MS = Number(params.get('budget') ?? 20000);

/** Each engine: build an index over the documents, then answer a query with document positions. */
const engines = {
  'ours (wasm)': {
    build: () => ours.build_index(),
    search: (q) => Array.from(ours.search(q, TOP)),
  },
  'Fuse.js': {
    build(docs) {
      const rows = docs.map((d, i) => ({ i, names: d.names.map((n) => n.text), synonyms: d.synonyms.map((s) => s.text) }));
      this.fuse = new Fuse(rows, {
        keys: [{ name: 'names', weight: 2 }, { name: 'synonyms', weight: 1 }],
        ignoreLocation: true,
      });
    },
    search(q) {
      return this.fuse.search(q, { limit: TOP }).map((r) => r.item.i);
    },
  },
  MiniSearch: {
    build(docs) {
      this.mini = new MiniSearch({
        fields: ['names', 'synonyms'],
        idField: 'i',
        searchOptions: { fuzzy: 0.2, prefix: true, boost: { names: 2 } },
      });
      this.mini.addAll(docs.map((d, i) => ({
        i,
        names: d.names.map((n) => n.text).join(' '),
        synonyms: d.synonyms.map((s) => s.text).join(' '),
      })));
    },
    search(q) {
      return this.mini.search(q).slice(0, TOP).map((r) => r.id);
    },
  },
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
let wasmMemory;
const wasmBytes = () => wasmMemory.buffer.byteLength;

async function run() {
  wasmMemory = (await init()).memory;
  const corpus = JSON.parse(ours.corpus_json(SIZE, SEED));
  const queries = JSON.parse(ours.queries_json(GENERATED, SEED));
  const docs = corpus.documents;
  const idOf = (i) => corpus.ids[i];
  const rows = [];
  for (const [name, engine] of Object.entries(engines)) {
    await window.heapUsed?.(); // collect garbage before the build, so the delta is the index
    const heapBefore = await window.heapUsed?.();
    const wasmBefore = wasmBytes();
    const t0 = performance.now();
    engine.build(docs);
    const buildMs = performance.now() - t0;
    const heapAfter = await window.heapUsed?.();
    const wasmAfter = wasmBytes();

    // Round one times every query and scores it; further rounds only time, while the engine
    // stays within the time budget (a slow engine gets fewer samples, not an endless run).
    const samples = [];
    let found = 0;
    let realFound = 0;
    let real = 0;
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round > 0 && performance.now() - started > BUDGET_MS) break;
      for (const { query, expected } of queries) {
        const s = performance.now();
        const top = engine.search(query);
        samples.push(performance.now() - s);
        if (round === 0) {
          const hit = top.map(idOf).includes(expected);
          found += hit ? 1 : 0;
          if (samples.length % 50 === 0) console.log(`${name}: ${samples.length} of ${queries.length} queries`);
          if (!expected.startsWith('synthetic-')) {
            real += 1;
            realFound += hit ? 1 : 0;
          }
        }
      }
    }
    samples.sort((a, b) => a - b);
    rows.push({
      engine: name,
      buildMs,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      samples: samples.length,
      heapBytes: heapAfter - heapBefore,
      wasmBytes: wasmAfter - wasmBefore,
      recall: found / queries.length,
      recallReal: `${realFound}/${real}`,
    });
    console.log(`done: ${name}`);
  }
  return {
    size: docs.length,
    queries: queries.length,
    timerResolutionIsolated: self.crossOriginIsolated,
    rows,
  };
}

run().then(
  (result) => { window.benchResult = result; },
  (error) => { window.benchResult = { error: String(error?.stack ?? error) }; },
);
