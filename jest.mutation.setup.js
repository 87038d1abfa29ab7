// Under mutation testing a failing property only has to fail: shrinking its counterexample (seconds
// on the larger properties, on a loaded machine) would only turn killed mutants into timeouts.
// A fixed seed makes every mutant meet the same inputs, so a result does not depend on the draw and
// an incremental rerun can trust the last one.
require('fast-check').configureGlobal({ endOnFailure: true, seed: 20241 });
// Every mutant reruns each property that covers it, so here the acl specs' properties (propertyRuns
// in libs/acl/src/testing/property-runs.ts) try a fiftieth of the inputs they try in CI: the
// properties were most of the acl run's time. Set PROPERTY_RUNS_SHARE to try another share.
process.env.PROPERTY_RUNS_SHARE ??= '0.02';
