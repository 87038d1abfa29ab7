import { z } from 'zod';
import type { AttachmentDoc } from '@portal/read-models';
import { named } from '../openapi/api-schemas';
import { actorRefSchema, isoTime } from '../openapi/shared-answers';

const fileShape = {
  id: z.uuid(),
  name: z.string(),
  size: z.number().int().positive(),
  contentType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  commentId: z.uuid().nullable(),
  createdAt: isoTime,
};

export const staffAttachmentSchema = named(
  'Attachment',
  z.object({ ...fileShape, isInternal: z.boolean(), createdBy: actorRefSchema }),
);
export const portalAttachmentSchema = named(
  'PortalAttachment',
  z.object({
    ...fileShape,
    createdBy: z.object({ type: z.enum(['staff', 'portalUser', 'system']), name: z.string() }),
  }),
);

function listOf<T extends z.ZodType>(id: string, item: T) {
  return named(
    id,
    z.object({
      items: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      perPage: z.number().int(),
    }),
  );
}
export const staffAttachmentListSchema = listOf('AttachmentList', staffAttachmentSchema);
export const portalAttachmentListSchema = listOf('PortalAttachmentList', portalAttachmentSchema);

/** What every audience sees of a file. */
function fileFields(doc: AttachmentDoc) {
  return {
    id: doc.id,
    name: doc.name,
    size: doc.size,
    contentType: doc.contentType,
    sha256: doc.sha256,
    commentId: doc.commentId,
    createdAt: doc.createdAt,
  };
}

/** Staff see every file, and whether it (or the comment it came with) is internal. */
export function staffAttachmentView(doc: AttachmentDoc): z.infer<typeof staffAttachmentSchema> {
  return {
    ...fileFields(doc),
    isInternal: doc.isInternal || doc.commentIsInternal,
    createdBy: doc.createdBy,
  };
}

/** Only files the portal user may see reach this (canReadAttachment): who uploaded it by name and kind. */
export function portalAttachmentView(doc: AttachmentDoc): z.infer<typeof portalAttachmentSchema> {
  return { ...fileFields(doc), createdBy: { type: doc.createdBy.type, name: doc.createdBy.name } };
}

/** Every file a record's list can hold (the domain's bound), so one page is the whole list. */
export function wholeList<T>(items: T[]) {
  return { items, total: items.length, page: 1, perPage: Math.max(items.length, 1) };
}
