import { RESERVATION_KINDS } from './reservation.events';
import { normaliseUniqueValue, reservationStream } from './reservation.stream';

describe('reservationStream', () => {
  it('names the stream after the kind and the normalised value', () => {
    expect(reservationStream('portalSlug', ' Customers ')).toBe('unique-portalSlug-customers');
    expect(reservationStream('portalUserEmail', 'Jane.Doe+x@Example.com')).toBe(
      'unique-portalUserEmail-jane.doe+x@example.com',
    );
  });

  it('gives values that differ only in case or blanks the same stream', () => {
    expect(reservationStream('staffUserEmail', 'A@B.io')).toBe(
      reservationStream('staffUserEmail', ' a@b.io'),
    );
  });

  it('percent-encodes characters unsafe in a stream name, including % itself', () => {
    expect(reservationStream('entityTypeName', 'a/b c')).toBe('unique-entityTypeName-a%2Fb%20c');
    expect(reservationStream('entityTypeName', 'a%2Fb')).toBe('unique-entityTypeName-a%252fb');
    expect(reservationStream('entityTypeName', 'é')).toBe('unique-entityTypeName-%C3%A9');
  });

  it('never maps two different normalised values to one stream', () => {
    const values = [
      'a/b',
      'a%2fb',
      'a%2Fb',
      'a b',
      'a+b',
      'a.b',
      'a-b',
      'a_b',
      'ab',
      'a\u00e9',
      'a\u0065\u0301',
    ];
    const normalised = new Set(values.map(normaliseUniqueValue));
    const streams = new Set(values.map((v) => reservationStream('portalSlug', v)));
    expect(streams.size).toBe(normalised.size);
  });

  it('keeps kinds apart', () => {
    const streams = RESERVATION_KINDS.map((kind) => reservationStream(kind, 'same'));
    expect(new Set(streams).size).toBe(RESERVATION_KINDS.length);
  });
});

describe('normaliseUniqueValue', () => {
  it('treats composed and decomposed accents as one value', () => {
    expect(normaliseUniqueValue('Jos\u0065\u0301@x.io')).toBe(normaliseUniqueValue('jos\u00e9@x.io'));
  });
});
