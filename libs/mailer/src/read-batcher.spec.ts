import { ReadBatcher } from './read-batcher';

describe('ReadBatcher', () => {
  function batcher(fail?: string) {
    const reads: string[][] = [];
    const loader = new ReadBatcher<string, string>({
      keyOf: (key) => key,
      read: async (keys) => {
        reads.push(keys);
        if (fail !== undefined && keys.includes(fail)) throw new Error(`cannot read ${fail}`);
        return keys.map((key) => key.toUpperCase());
      },
    });
    return { loader, reads };
  }

  it('answers the asks of one turn with one read, each distinct key once and in order', async () => {
    const { loader, reads } = batcher();
    const answers = await Promise.all(['a', 'b', 'a', 'c'].map((key) => loader.load(key)));
    expect(answers).toEqual(['A', 'B', 'A', 'C']);
    expect(reads).toEqual([['a', 'b', 'c']]);
  });

  it('reads again for asks of a later turn: nothing is kept beyond its batch', async () => {
    const { loader, reads } = batcher();
    expect(await loader.load('a')).toBe('A');
    expect(await loader.load('a')).toBe('A');
    expect(reads).toEqual([['a'], ['a']]);
  });

  it('rejects every ask of a batch whose read failed, and reads the next batch anew', async () => {
    const { loader, reads } = batcher('x');
    const failed = Promise.allSettled([loader.load('x'), loader.load('y')]);
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await loader.load('y')).toBe('Y');
    expect(reads).toEqual([['x', 'y'], ['y']]);
  });
});
