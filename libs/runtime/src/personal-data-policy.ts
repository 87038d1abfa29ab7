import { ownersErasedBy, personalValuesOf } from '@portal/domain';
import type { PersonalDataPolicy } from '@portal/event-store';

/** The domain's map of personal data, as the event store's privacy layer asks for it. */
export const domainPersonalDataPolicy: PersonalDataPolicy = {
  personalFields: (stream, event) => personalValuesOf(stream, event),
  erasedOwners: (event) => ownersErasedBy(event),
};
