// Takes a BENCH_RYW_TRACE file apart, one create-and-read-back at a time (the samples of
// BENCH_ONLY=ryw run one after the other, so a sample is everything from a create-case POST to the
// end of the GET after it), and prints the median of each span over the samples that have both ends:
//   node -r ./test/support/register-ts.cjs bench/ryw-split.ts FILE
import { readFileSync } from 'node:fs';
import { median } from './percentile';

type Mark =
  'append' | 'projectorReads' | 'notified' | 'announced' | 'get' | 'waitStart' | 'waitEnd' | 'getEnd';

/** A label's mark in a sample: the first one of each counts. */
const MARKS: Array<[Mark, (label: string) => boolean]> = [
  ['append', (l) => l.startsWith('sql< WITH stream_row')],
  // The live batch's first statement: the event page, with the privacy layer's count beside it.
  [
    'projectorReads',
    (l) => l.startsWith('sql> /* read only */ SELECT (SELECT count FROM privacy_key_erasur'),
  ],
  ['notified', (l) => l.startsWith('notify es_events')],
  ['announced', (l) => l.startsWith('announce ')],
  ['get', (l) => l.startsWith('http> GET')],
  ['waitStart', (l) => l.startsWith('wait>')],
  ['waitEnd', (l) => l.startsWith('wait<')],
  ['getEnd', (l) => l.startsWith('http< GET')],
];

const SPANS: Array<[string, Mark, Mark]> = [
  ['append returned -> projector reads the events', 'append', 'projectorReads'],
  ['append returned -> its notification received', 'append', 'notified'],
  ['append returned -> checkpoint announced', 'append', 'announced'],
  ['append returned -> GET arrives', 'append', 'get'],
  ['GET arrives -> checkpoint announced', 'get', 'announced'],
  ['read-back (GET in -> out)', 'get', 'getEnd'],
  ['  of it waited (wait> -> wait<)', 'waitStart', 'waitEnd'],
];

function samplesOf(file: string): Array<Partial<Record<Mark, number>>> {
  const stamps = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return { at: Number(line.slice(0, space)), label: line.slice(space + 1) };
    })
    .sort((a, b) => a.at - b.at);
  const samples: Array<Partial<Record<Mark, number>>> = [];
  let current: Partial<Record<Mark, number>> | undefined;
  for (const { at, label } of stamps) {
    if (/^http> POST .*\/records\/Case$/.test(label)) {
      samples.push((current = {}));
      continue;
    }
    if (!current) continue;
    // A span may be negative: the notification can be handled before the append's own answer.
    for (const [mark, matches] of MARKS)
      if (current[mark] === undefined && matches(label)) current[mark] = at;
    if (current.getEnd !== undefined) current = undefined;
  }
  return samples.filter((s) => s.append !== undefined && s.getEnd !== undefined);
}

const file = process.argv[2];
if (!file) throw new Error('usage: bench/ryw-split.ts FILE');
const samples = samplesOf(file);
console.log(`${samples.length} samples; medians in ms (n: samples with both ends)`);
for (const [what, from, to] of SPANS) {
  const spans = samples.flatMap((s) =>
    s[from] !== undefined && s[to] !== undefined ? [s[to] - s[from]] : [],
  );
  const value = spans.length > 0 ? median(spans).toFixed(2) : '-';
  console.log(`${what.padEnd(48)} ${value.padStart(7)} (n ${spans.length})`);
}
