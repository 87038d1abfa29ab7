// Under mutation testing a failing property only has to fail: shrinking its counterexample (seconds
// on the larger properties, on a loaded machine) would only turn killed mutants into timeouts.
require('fast-check').configureGlobal({ endOnFailure: true });
