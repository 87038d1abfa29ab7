/** What an attachment event says about a blob (AttachmentAdded / AttachmentRemoved, in log order). */
export interface AttachmentFact {
  type: string;
  data: { attachmentId?: unknown; sha256?: unknown; portalUserId?: unknown };
}

/**
 * The blobs an erasure may delete: every file the subject's portal users ever uploaded (removed
 * ones too: their bytes may still be stored), less any blob a file still attached by someone else
 * holds (blobs are content-addressed, so two people's identical files share one).
 */
export function blobsOnlyTheirs(facts: Iterable<AttachmentFact>, portalUserIds: readonly string[]): string[] {
  const subject = new Set(portalUserIds);
  const theirs = new Set<string>();
  const othersLive = new Map<string, string>();
  for (const { type, data } of facts) {
    const attachmentId = typeof data.attachmentId === 'string' ? data.attachmentId : null;
    if (attachmentId === null) continue;
    if (type === 'AttachmentAdded' && typeof data.sha256 === 'string') {
      if (typeof data.portalUserId === 'string' && subject.has(data.portalUserId)) theirs.add(data.sha256);
      else othersLive.set(attachmentId, data.sha256);
    } else if (type === 'AttachmentRemoved') {
      othersLive.delete(attachmentId);
    }
  }
  const kept = new Set(othersLive.values());
  return [...theirs].filter((sha256) => !kept.has(sha256)).sort();
}
