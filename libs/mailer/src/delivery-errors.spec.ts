import { classifyDeliveryError, PermanentDeliveryError } from './delivery-errors';

describe('classifyDeliveryError', () => {
  it('treats SMTP 5xx as permanent and 4xx as temporary', () => {
    const rejected = Object.assign(new Error("Can't send mail"), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 No such user',
    });
    expect(classifyDeliveryError(rejected)).toEqual({
      permanent: true,
      reason: 'EENVELOPE: 550 5.1.1 No such user',
    });
    const busy = Object.assign(new Error('busy'), {
      code: 'EENVELOPE',
      responseCode: 451,
      response: '451 try later',
    });
    expect(classifyDeliveryError(busy).permanent).toBe(false);
  });

  it('treats refused connections, timeouts and unknown errors as temporary', () => {
    expect(
      classifyDeliveryError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })).permanent,
    ).toBe(false);
    expect(
      classifyDeliveryError(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))
        .permanent,
    ).toBe(false);
    expect(classifyDeliveryError('weird').permanent).toBe(false);
  });

  it('treats a refused envelope without a reply and our own permanent errors as permanent', () => {
    expect(
      classifyDeliveryError(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' }))
        .permanent,
    ).toBe(true);
    expect(classifyDeliveryError(new PermanentDeliveryError('portal gone'))).toEqual({
      permanent: true,
      reason: 'portal gone',
    });
  });
});
