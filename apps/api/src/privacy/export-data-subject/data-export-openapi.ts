import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { named } from '../../openapi/api-schemas';

const at = z.string().describe('ISO-8601 UTC');

/** The export document (streamed; `data.json` inside the zip). Erased values read "[erased]". */
export const dataExportSchema = named(
  'DataExport',
  z.object({
    exportedAt: at,
    subject: z.object({ id: z.uuid(), contactId: z.uuid().nullable(), portalUserIds: z.array(z.uuid()) }),
    contact: z
      .object({ id: z.uuid(), fields: z.record(z.string(), z.unknown()), createdAt: at, modifiedAt: at })
      .nullable()
      .describe("The contact record's personal fields (names, email, phone, title, description)"),
    portalUsers: z.array(
      z.object({
        id: z.uuid(),
        email: z.string(),
        firstName: z.string(),
        lastName: z.string(),
        phone: z.unknown(),
        language: z.unknown(),
        pendingEmail: z.string().nullable(),
        status: z.string(),
        portalIds: z.array(z.uuid()),
        createdAt: at,
        modifiedAt: at,
        lastLoginAt: at.nullable(),
      }),
    ),
    consents: z
      .array(
        z.object({
          portalUserId: z.uuid(),
          event: z.string(),
          portalId: z.unknown(),
          version: z.unknown(),
          at,
        }),
      )
      .describe('Consents given and withdrawn, as recorded'),
    records: z
      .array(
        z.object({
          id: z.uuid(),
          entityType: z.string(),
          createdAt: at,
          deletedAt: at.nullable(),
          written: z.array(z.object({ event: z.string(), at, fields: z.record(z.string(), z.unknown()) })),
        }),
      )
      .describe('Records they created or changed, with only the values they wrote'),
    comments: z.array(
      z.object({ id: z.uuid(), recordId: z.uuid(), entityType: z.string(), text: z.string(), createdAt: at }),
    ),
    files: z.array(
      z.object({
        id: z.uuid(),
        recordId: z.uuid(),
        entityType: z.string(),
        name: z.string(),
        size: z.number().int(),
        contentType: z.string(),
        sha256: z.string(),
        createdAt: at,
        zipPath: z.string().describe('Where the bytes are in the zip form'),
      }),
    ),
    loginHistory: z.array(
      z.object({
        portalUserId: z.uuid(),
        portalId: z.uuid(),
        kind: z.string(),
        at,
        ip: z.string().nullable(),
        userAgent: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
    emails: z
      .array(
        z.object({
          portalUserId: z.uuid().nullable(),
          portalId: z.uuid().nullable(),
          kind: z.string(),
          to: z.string(),
          status: z.string(),
          reason: z.string().nullable(),
          at,
        }),
      )
      .describe('Emails sent (or that failed) to them'),
  }),
);

/** 200: the JSON document, or with `?format=zip` a zip of it (data.json) and the files they uploaded. */
export function DataExportAnswers() {
  return applyDecorators(
    ApiResponse({
      status: 200,
      description:
        'A download (`Content-Disposition: attachment`), streamed: the JSON document, or with ' +
        '`?format=zip` a zip holding it as `data.json` and each file they uploaded at its `zipPath`.',
      standardSchema: dataExportSchema,
      content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
    } as never),
  );
}
