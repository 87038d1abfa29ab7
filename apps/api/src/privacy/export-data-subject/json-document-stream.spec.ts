import { jsonDocumentStream } from './json-document-stream';

async function* items<T>(...values: T[]): AsyncGenerator<T> {
  for (const value of values) yield value;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('jsonDocumentStream', () => {
  it('writes the same JSON as JSON.stringify of the whole object', async () => {
    const written = await text(
      jsonDocumentStream([
        ['at', '2026-01-01T00:00:00Z'],
        ['profile', { name: 'A "quoted" name', n: null }],
        ['empty', items()],
        ['list', items<unknown>({ a: 1 }, 'two', [3])],
        ['missing', undefined],
      ]),
    );
    expect(JSON.parse(written)).toEqual({
      at: '2026-01-01T00:00:00Z',
      profile: { name: 'A "quoted" name', n: null },
      empty: [],
      list: [{ a: 1 }, 'two', [3]],
      missing: null,
    });
  });

  it('pulls a list item only when the consumer asks for the next chunk', async () => {
    const pulled: number[] = [];
    async function* lazy(): AsyncGenerator<number> {
      for (let i = 0; i < 3; i += 1) {
        pulled.push(i);
        yield i;
      }
    }
    const stream = jsonDocumentStream([['list', lazy()]]);
    await stream.next(); // {
    await stream.next(); // "list":[
    expect(pulled).toEqual([]);
    await stream.next(); // 0
    expect(pulled).toEqual([0]);
  });
});
