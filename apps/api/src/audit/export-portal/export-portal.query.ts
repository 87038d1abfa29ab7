import { Query } from '@nestjs/cqrs';

/** The export's NDJSON lines, read lazily; null when the portal never existed. */
export class ExportPortalQuery extends Query<AsyncIterable<string> | null> {
  constructor(readonly portalId: string) {
    super();
  }
}
