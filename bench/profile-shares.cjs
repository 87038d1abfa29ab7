// Self-time shares of a .cpuprofile by function and by package/folder, the bench harness's own
// work left out: `node bench/profile-shares.cjs FILE [N]`.
const fs = require('node:fs');
const [file, top = '30'] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// The harness's own work (starting the profiler, answering the runner over IPC) is left out.
const harness = (id) => {
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const url = byId.get(cur).callFrame.url;
    if (url.includes('/bench/') || url === 'node:inspector') return true;
  }
  return false;
};
const self = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  if (!harness(id)) self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url) => {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const lib = /(libs\/[^/]+|apps\/[^/]+|bench)\//.exec(url);
  return lib ? lib[1] : url.startsWith('node:') ? 'node' : url;
};
const fns = new Map();
const pkgs = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${where(f.url)}${f.url && !f.url.includes('node_modules') ? ':' + (f.url.split('/').pop() + ':' + f.lineNumber) : ''}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
  pkgs.set(where(f.url), (pkgs.get(where(f.url)) ?? 0) + t);
}
const show = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, t]) => console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`));
console.log(`total ${(total / 1e6).toFixed(2)} s sampled`);
console.log('-- by package/folder');
show(pkgs, 15);
console.log('-- by function (self)');
show(fns, Number(top));
