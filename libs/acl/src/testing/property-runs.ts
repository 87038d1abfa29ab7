// How many inputs a property of the acl specs tries. Normal runs (CI, npm test) try the number the
// spec asks for. Under mutation testing every mutant reruns each property that covers it, so
// jest.mutation.setup.js sets PROPERTY_RUNS_SHARE to try a share of them: the properties were most
// of the acl run's time, and a mutant they catch fails within the first inputs.
export function propertyRuns(numRuns: number): { numRuns: number } {
  const share = Number(process.env['PROPERTY_RUNS_SHARE'] ?? '1');
  if (!(share > 0 && share <= 1)) throw new Error(`PROPERTY_RUNS_SHARE must be in (0, 1], not ${share}`);
  return { numRuns: Math.max(1, Math.ceil(numRuns * share)) };
}
