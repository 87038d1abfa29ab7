import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isHeapGrowthPercent, limitJsHeapGrowth } from './js-heap-growth';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..', '..');

// A process that keeps ~100 MiB live and allocates batches of short-lived objects (a replay's
// pattern), with the growth limited or left to V8; prints its peak heap size in MiB.
const ALLOCATE = `
const growth = Number(process.argv[1]);
if (growth > 0) require(${JSON.stringify(join(__dirname, 'js-heap-growth.ts'))}).limitJsHeapGrowth(growth);
const live = [];
for (let i = 0; i < 40; i++) live.push(Array.from({ length: 100000 }, (_, j) => ({ j })));
let peak = 0;
const recent = [];
for (let round = 0; round < 150; round++) {
  recent.push(Array.from({ length: 20000 }, (_, i) => ({ a: 'x'.repeat(20) + i, b: [i, i + 1] })));
  if (recent.length > 3) recent.shift();
  peak = Math.max(peak, process.memoryUsage().heapTotal);
}
console.log(Math.round(peak / 2 ** 20));`;

async function peakHeapMiB(growth: number): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    ['-r', join(root, 'test/support/register-ts.cjs'), '-e', ALLOCATE, String(growth)],
    { cwd: root },
  );
  return Number(stdout.trim());
}

describe('the JavaScript heap growth limit of the embedded mode', () => {
  jest.setTimeout(180_000);

  it('takes whole percents from 0 (V8 chooses) to 400, and refuses anything else', () => {
    for (const ok of [0, 1, 25, 400]) expect(isHeapGrowthPercent(ok)).toBe(true);
    for (const bad of [-1, 12.5, 401, Number.NaN]) {
      expect(isHeapGrowthPercent(bad)).toBe(false);
      expect(() => limitJsHeapGrowth(bad)).toThrow(/whole number of percent/);
    }
  });

  it('set at run time, keeps the heap of a process allocating batches well below where V8 lets it grow', async () => {
    const free = await peakHeapMiB(0);
    const limited = await peakHeapMiB(25);
    // Measured here: 550–650 MiB left to V8 against 290–340 MiB at 25%.
    expect(limited).toBeLessThan(free * 0.8);
  });
});
