import { blobsOnlyTheirs, type AttachmentFact } from './blobs-only-theirs';

const added = (attachmentId: string, sha256: string, portalUserId: string | null): AttachmentFact => ({
  type: 'AttachmentAdded',
  data: { attachmentId, sha256, portalUserId },
});
const removed = (attachmentId: string): AttachmentFact => ({
  type: 'AttachmentRemoved',
  data: { attachmentId },
});

describe('blobsOnlyTheirs', () => {
  it("takes every blob the subject's users uploaded, removed files included", () => {
    expect(
      blobsOnlyTheirs([added('a1', 'h1', 'u1'), added('a2', 'h2', 'u2'), removed('a2')], ['u1', 'u2']),
    ).toEqual(['h1', 'h2']);
  });

  it('keeps a blob another person or staff still has attached', () => {
    const facts = [
      added('a1', 'h1', 'u1'),
      added('b1', 'h1', 'other'),
      added('a2', 'h2', 'u1'),
      added('s1', 'h2', null),
    ];
    expect(blobsOnlyTheirs(facts, ['u1'])).toEqual([]);
  });

  it("deletes a shared blob once the other person's file is removed", () => {
    expect(
      blobsOnlyTheirs([added('a1', 'h1', 'u1'), added('b1', 'h1', 'other'), removed('b1')], ['u1']),
    ).toEqual(['h1']);
  });

  it('takes nothing of a subject who uploaded nothing', () => {
    expect(blobsOnlyTheirs([added('b1', 'h1', 'other')], ['u1'])).toEqual([]);
    expect(blobsOnlyTheirs([added('a1', 'h1', 'u1')], [])).toEqual([]);
  });
});
