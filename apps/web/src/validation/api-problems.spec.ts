import {
  CASE_ENTITY_TYPE,
  decideUpdatePortalUserProfile,
  DomainError,
  validateRecordFields,
} from '@portal/domain';
import { stateAfter, created } from '../../../../libs/domain/src/portal-user/testing/portal-user.scenario';
import { forgotPasswordBody, portalLoginBody } from '../../../api/src/auth/portal-auth/portal-auth.schemas';
import { passwordProblems } from '../../../api/src/auth/passwords/password-policy';
import { fieldProblemOf } from './api-problems';

// The pages put the API's field messages (zod's and the domain's English) into the catalogue's
// words by their wording; these are the API's own messages, so a change of wording fails here.

const zodMessages = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.message);

function profileMessages(changes: Record<string, unknown>): string[] {
  try {
    decideUpdatePortalUserProfile({ type: 'UpdatePortalUserProfile', changes }, stateAfter(created()));
  } catch (error) {
    if (error instanceof DomainError) return error.errors.map((e) => e.message);
    throw error;
  }
  return [];
}

describe("the pages' words for the API's field messages", () => {
  it('says "required" for an empty or missing login field', () => {
    const messages = [
      ...zodMessages(portalLoginBody.safeParse({ email: '', password: '' })),
      ...zodMessages(portalLoginBody.safeParse({})),
    ];
    expect(messages).toHaveLength(4);
    expect(messages.map(fieldProblemOf)).toEqual(messages.map(() => ({ key: 'validation.required' })));
  });

  it('says "too long" with the limit for an over-long email or case name', () => {
    const [email] = zodMessages(forgotPasswordBody.safeParse({ email: 'a'.repeat(300) }));
    expect(fieldProblemOf(email!)).toEqual({ key: 'validation.tooLong', params: { max: 254 } });
    const [name] = validateRecordFields(CASE_ENTITY_TYPE, { name: 'a'.repeat(256) }, { partial: true });
    expect(fieldProblemOf(name!.message)).toEqual({ key: 'validation.tooLong', params: { max: 255 } });
    const [missing] = validateRecordFields(CASE_ENTITY_TYPE, { name: ' ' }, { partial: true });
    expect(fieldProblemOf(missing!.message)).toEqual({ key: 'validation.required' });
  });

  it('explains each rule of the password policy', () => {
    expect(passwordProblems('short').map(fieldProblemOf)).toEqual([
      { key: 'validation.tooShort', params: { min: 10 } },
    ]);
    expect(passwordProblems('a'.repeat(300)).map(fieldProblemOf)).toEqual([
      { key: 'validation.tooLong', params: { max: 256 } },
      { key: 'password.singleCharacter' },
    ]);
    expect(passwordProblems(' \t'.repeat(6)).map(fieldProblemOf)).toEqual([{ key: 'validation.blank' }]);
  });

  it('asks for a first or a last name when the profile would have neither', () => {
    const messages = profileMessages({ firstName: '', lastName: ' ' });
    expect(messages.map(fieldProblemOf)).toEqual([{ key: 'validation.nameRequired' }]);
  });

  it('falls back to "not accepted", never to the English text', () => {
    expect(fieldProblemOf('Unrecognized key: "x"')).toEqual({ key: 'validation.invalid' });
  });
});
