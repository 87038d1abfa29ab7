// What every DataKeyStore adapter must do, written once and run by each adapter's spec. Owners are
// random, so a long-lived database is fine.
import { randomUUID } from 'node:crypto';
import type { DataKeyStore } from './data-key-store.port';

export function dataKeyStoreContract(adapterName: string, open: () => Promise<DataKeyStore>): void {
  describe(`data key store contract: ${adapterName}`, () => {
    let store: DataKeyStore;
    const owner = (): string => `portalUser:${randomUUID()}`;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('keeps the first key of an owner and answers it to every later writer', async () => {
      const o = owner();
      expect(await store.putIfAbsent(o, 'wrapped-1')).toBe('wrapped-1');
      expect(await store.putIfAbsent(o, 'wrapped-2')).toBe('wrapped-1');
      expect((await store.get([o])).get(o)).toBe('wrapped-1');
    });

    it('lets exactly one of racing writers win, and tells the others its key', async () => {
      const o = owner();
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.putIfAbsent(o, `candidate-${i}`)),
      );
      expect(new Set(answers).size).toBe(1);
      expect((await store.get([o])).get(o)).toBe(answers[0]);
    });

    it('keys an owner with the erasure count read beside it, or answers its key or tombstone', async () => {
      const [o, erased] = [owner(), owner()];
      await store.erase([erased]);
      const { erasures } = await store.getWithErasureCount([]);
      expect(await store.putIfAbsentWithErasureCount(o, 'first')).toEqual({ wrapped: 'first', erasures });
      expect(await store.putIfAbsentWithErasureCount(o, 'second')).toEqual({ wrapped: 'first', erasures });
      expect(await store.putIfAbsentWithErasureCount(erased, 'late')).toEqual({ wrapped: null, erasures });
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.putIfAbsentWithErasureCount(`${o}/race`, `candidate-${i}`)),
      );
      expect(new Set(answers.map((a) => a.wrapped)).size).toBe(1);
      expect((await store.get([`${o}/race`])).get(`${o}/race`)).toBe(answers[0].wrapped);
      await store.erase([o]);
      expect((await store.putIfAbsentWithErasureCount(owner(), 'after')).erasures).toBeGreaterThan(erasures);
    });

    it('reads several owners at once, leaving out those never keyed', async () => {
      const [a, b, never] = [owner(), owner(), owner()];
      await store.putIfAbsent(a, 'a');
      await store.putIfAbsent(b, 'b');
      const found = await store.get([a, b, never]);
      expect(found.get(a)).toBe('a');
      expect(found.get(b)).toBe('b');
      expect(found.has(never)).toBe(false);
      expect((await store.get([])).size).toBe(0);
    });

    it('erases for good: the key reads null, no writer can key the owner again', async () => {
      const o = owner();
      await store.putIfAbsent(o, 'secret');
      expect(await store.erase([o])).toEqual([o]);
      expect((await store.get([o])).get(o)).toBeNull();
      expect(await store.putIfAbsent(o, 'new')).toBeNull();
      expect((await store.get([o])).get(o)).toBeNull();
    });

    it('tombstones an owner that never had a key, and reports each erasure once', async () => {
      const [o, keyed] = [owner(), owner()];
      await store.putIfAbsent(keyed, 'k');
      expect((await store.erase([o, keyed, o])).sort()).toEqual([o, keyed].sort());
      expect(await store.erase([o, keyed])).toEqual([]);
      expect(await store.putIfAbsent(o, 'late')).toBeNull();
    });

    it("erases an owner's sub-keys with it, and only theirs", async () => {
      const [o, other] = [owner(), owner()];
      await store.putIfAbsent(`${o}/signIns:2026-01-01`, 'day');
      await store.putIfAbsent(`${other}/signIns:2026-01-01`, 'other day');
      expect((await store.erase([o])).sort()).toEqual([o, `${o}/signIns:2026-01-01`].sort());
      expect((await store.get([`${o}/signIns:2026-01-01`])).get(`${o}/signIns:2026-01-01`)).toBeNull();
      expect((await store.get([`${other}/signIns:2026-01-01`])).get(`${other}/signIns:2026-01-01`)).toBe(
        'other day',
      );
    });

    it('deletes the dated sub-keys of days before a cutoff, and no other key', async () => {
      const o = owner();
      const [old, kept] = [`${o}/signIns:2026-01-01`, `${o}/signIns:2026-01-02`];
      await store.putIfAbsent(o, 'own');
      await store.putIfAbsent(old, 'old');
      await store.putIfAbsent(kept, 'kept');
      await store.putIfAbsent(`${o}/other:2020-01-01`, 'other kind');
      const erased = await store.eraseDatedSubKeys('signIns', '2026-01-02');
      expect(erased).toContain(old);
      expect(erased).not.toContain(kept);
      const now = await store.get([o, old, kept, `${o}/other:2020-01-01`]);
      expect([now.get(o), now.has(old), now.get(kept), now.get(`${o}/other:2020-01-01`)]).toEqual([
        'own',
        false,
        'kept',
        'other kind',
      ]);
    });

    it('reads keys with the erasure count, which every erasure raises before it returns', async () => {
      const [o, never] = [owner(), owner()];
      await store.putIfAbsent(o, 'mine');
      const before = await store.getWithErasureCount([o, never]);
      expect([before.keys.get(o), before.keys.has(never)]).toEqual(['mine', false]);
      expect((await store.getWithErasureCount([])).keys.size).toBe(0);
      await store.erase([o]);
      const after = await store.getWithErasureCount([o]);
      expect(after.keys.get(o)).toBeNull();
      expect(after.erasures).toBeGreaterThan(before.erasures);
      await store.putIfAbsent(`${never}/signIns:2000-01-01`, 'day');
      await store.eraseDatedSubKeys('signIns', '2000-01-02');
      expect((await store.getWithErasureCount([])).erasures).toBeGreaterThan(after.erasures);
    });

    it('leaves other owners alone when erasing', async () => {
      const [o, other] = [owner(), owner()];
      await store.putIfAbsent(o, 'o');
      await store.putIfAbsent(other, 'other');
      await store.erase([o]);
      expect((await store.get([other])).get(other)).toBe('other');
    });
  });
}
