import type { EventActor } from '@portal/event-store';
import type { CaseEmailKind } from './email-request';

/** A case event that asks for emails, before anyone knows who they go to. */
export interface CaseEmailTrigger {
  kind: CaseEmailKind;
  caseId: string;
  /** Global position of the event: the read models must have reached it before they are asked. */
  position: number;
  actor: EventActor;
}
