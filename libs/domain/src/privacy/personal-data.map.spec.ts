import { personalValuesOf } from './personal-data.map';

const staff = { actor: { type: 'staff', id: 's1' } };
const portalUser = { actor: { type: 'portalUser', id: 'u1' } };
const paths = (values: ReturnType<typeof personalValuesOf>) =>
  values.map((v) => `${v.path.join('.')}@${v.owner}`);

describe('the map of personal data in events', () => {
  it("names a portal user's identity, sign-ins and profile under the stream's user", () => {
    expect(
      paths(personalValuesOf('portalUser-u9', { type: 'PortalUserCreated', data: {}, metadata: staff })),
    ).toEqual(['data.email@portalUser:u9', 'data.firstName@portalUser:u9', 'data.lastName@portalUser:u9']);
    expect(
      paths(personalValuesOf('portalUser-u9', { type: 'PortalUserLoginFailed', data: {}, metadata: {} })),
    ).toEqual(['data.ip@portalUser:u9', 'data.userAgent@portalUser:u9']);
    // With its time (as every sign-in has it): under the key of that user's day, which retention destroys.
    expect(
      paths(
        personalValuesOf('portalUser-u9', {
          type: 'PortalUserLoggedIn',
          data: { at: '2026-03-10T12:00:00.000Z' },
          metadata: {},
        }),
      ),
    ).toEqual([
      'data.ip@portalUser:u9/signIns:2026-03-10',
      'data.userAgent@portalUser:u9/signIns:2026-03-10',
    ]);
    expect(
      paths(
        personalValuesOf('portalUser-u9', { type: 'PortalUserProfileUpdated', data: {}, metadata: staff }),
      ),
    ).toContain('data.changes.phone.to@portalUser:u9');
  });

  it("puts a contact record's fields under the contact, whoever writes them", () => {
    const created = personalValuesOf('record-Contact-c1', {
      type: 'RecordCreated',
      data: { id: 'c1', entityType: 'Contact', fields: {} },
      metadata: staff,
    });
    expect(paths(created)).toEqual(
      expect.arrayContaining(['data.fields.email@contact:c1', 'data.fields.lastName@contact:c1']),
    );
    const updated = personalValuesOf('record-Contact-c1', {
      type: 'RecordUpdated',
      data: {},
      metadata: staff,
    });
    expect(paths(updated)).toContain('data.changes.email.from@contact:c1');
    expect(
      personalValuesOf('record-Account-a1', {
        type: 'RecordCreated',
        data: { id: 'a1', entityType: 'Account' },
        metadata: staff,
      }),
    ).toEqual([]);
  });

  it('puts what a portal user writes, and their name on everything they do, under that user', () => {
    expect(
      paths(personalValuesOf('record-Case-k1', { type: 'CommentPosted', data: {}, metadata: portalUser })),
    ).toEqual(['data.text@portalUser:u1', 'metadata.actor.name@portalUser:u1']);
    // Staff comments are the company's words, not a data subject's.
    expect(personalValuesOf('record-Case-k1', { type: 'CommentPosted', data: {}, metadata: staff })).toEqual(
      [],
    );
    expect(
      paths(
        personalValuesOf('record-Case-k1', {
          type: 'CaseCreatedByPortalUser',
          data: { portalUserId: 'u1' },
          metadata: portalUser,
        }),
      ),
    ).toEqual(
      expect.arrayContaining(['data.fields.description@portalUser:u1', 'data.fields.name@portalUser:u1']),
    );
  });

  it('names reserved portal-user emails and email recipients, not slugs', () => {
    const reserved = (kind: string) =>
      personalValuesOf('unique-x', {
        type: 'UniqueValueReserved',
        data: { kind, ownerId: 'u1' },
        metadata: staff,
      });
    expect(paths(reserved('portalUserEmail'))).toEqual(['data.value@portalUser:u1']);
    expect(reserved('portalSlug')).toEqual([]);
    expect(
      paths(
        personalValuesOf('emailDelivery-j', {
          type: 'EmailDelivered',
          data: { portalUserId: 'u1' },
          metadata: {},
        }),
      ),
    ).toEqual(['data.to@portalUser:u1']);
  });
});
