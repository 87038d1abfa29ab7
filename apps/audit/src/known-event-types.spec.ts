import { KnownEventTypes } from './known-event-types';
import { emailDelivered, emailDeliveryFailed, type EmailRequest } from '@portal/mailer';

describe('KnownEventTypes', () => {
  const known = new KnownEventTypes();

  it("knows the mailer's delivery events as they are really built", () => {
    const request = {
      kind: 'invitation',
      sourceEventId: 'e',
      correlationId: 'c',
      portalUserId: 'u',
    } as EmailRequest;
    const now = new Date();
    for (const built of [
      emailDelivered('job', request, 'a@b.c', 'm', now),
      emailDeliveryFailed('job', request, { to: null, reason: 'r', permanent: true, attempts: 1 }, now),
    ]) {
      expect(known.isKnown(built.type)).toBe(true);
      expect(known.typesOfStream('emailDelivery-job')).toContain(built.type);
      expect(known.currentVersion(built.type)).toBe(built.version);
    }
  });

  it('knows domain types per stream category, and no category for unknown prefixes', () => {
    expect(known.typesOfStream('portal-1')).toContain('PortalCreated');
    expect(known.typesOfStream('portalUser-1')).toContain('InvitationSent');
    expect(known.typesOfStream('unique-portalSlug-x')).toContain('UniqueValueReserved');
    expect(known.typesOfStream('record-Case-1')).toContain('CaseStatusChanged');
    expect(known.typesOfStream(`emailAttempt-${'a'.repeat(64)}`)).toEqual([
      'UnknownEmailLoginFailed',
      'PasswordResetNotIssued',
    ]);
    expect(known.typesOfStream('somethingElse-1')).toBeUndefined();
    expect(known.isKnown('PortalExploded')).toBe(false);
  });
});
