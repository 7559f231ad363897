const T = [performance.now()];
const ex = await import('../dist/pipeline/extract.js'); T.push(performance.now());
const pt = await import('../dist/present/text.js'); T.push(performance.now());
const items = [...ex.collectInputs(['test/fixtures/html/lead-apart.html'])]; T.push(performance.now());
const r = ex.extractItem(items[0]); T.push(performance.now());
const s = pt.formatArticle(r.article); T.push(performance.now());
const r2 = ex.extractItem(items[0]); T.push(performance.now());
process.stderr.write(T.slice(1).map((t, i) => (t - T[i]).toFixed(1)).join(' ') + '\n');
