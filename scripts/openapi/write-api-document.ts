import { writeFileSync } from 'node:fs';
import { previewApiDocument } from './preview-api-document';

/** `write-api-document.ts <file>`: the OpenAPI document as `npm start` serves it at /docs/openapi.json. */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: write-api-document.ts <file.json>');
  writeFileSync(target, `${JSON.stringify(await previewApiDocument(), null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
