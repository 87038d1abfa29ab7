import { newDataKey, ownerKey } from './field-cipher';
import { openOwnerValues, sealOwnerValues } from './owner-values';

describe('sealOwnerValues', () => {
  it("hands back the values as opening the sealed list gives them: equal, but not the writer's", () => {
    const key = ownerKey('person:ann', newDataKey());
    // A value cut from a larger string (it holds all of it): what is handed back is parsed afresh.
    const values = [`${'x'.repeat(10_000)}Ann Example`.slice(10_000), 'Zoë Łukasz'];
    const { sealed, opened } = sealOwnerValues(key, values);
    expect(opened).toEqual(values);
    expect(opened).not.toBe(values);
    expect(openOwnerValues(key, sealed)).toEqual(opened);
  });
});
