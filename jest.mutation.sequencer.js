// Under mutation testing Stryker runs, for each mutant, the spec files related to the mutated file
// (findRelatedTests) with a testNamePattern naming only the tests that cover the mutant. Jest still
// loads every related spec file, also those in which no test matches, and loading one costs about
// 0.1 s of CPU: most of a mutant's cost. This sequencer leaves out the spec files in which no test
// matches the pattern. The tests that run are the same (a file left out would have run none of its
// tests); only the loading of files that run nothing is saved.
//
// It learns each spec file's test names from the results of earlier runs in the same process (the
// dry run, or a run that loaded the file), and keeps every file it has not seen yet. Names are only
// ever added, so a run in which a file lost tests (a static mutant, run without a pattern) cannot
// make a later run leave out a file that has the test. Without a pattern (the dry run, static
// mutants) nothing is left out.
const Sequencer = require('@jest/test-sequencer').default;

/** Spec file path → the full names of its tests seen so far (one Stryker worker, all its runs). */
const testNamesByFile = new Map();

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    // Jest matches the pattern this way (jest-circus: case-insensitive, against the full name).
    const pattern = options.globalConfig.testNamePattern;
    this.pattern = pattern ? new RegExp(pattern, 'i') : undefined;
  }

  sort(tests) {
    const pattern = this.pattern;
    if (pattern === undefined) return super.sort(tests);
    return super.sort(
      tests.filter((test) => {
        const names = testNamesByFile.get(test.path);
        return names === undefined || [...names].some((name) => pattern.test(name));
      }),
    );
  }

  cacheResults(tests, results) {
    for (const file of results.testResults) {
      const names = testNamesByFile.get(file.testFilePath) ?? new Set();
      for (const test of file.testResults) names.add(test.fullName);
      if (file.testResults.length > 0) testNamesByFile.set(file.testFilePath, names);
    }
    super.cacheResults(tests, results);
  }
}

module.exports = MutationSequencer;
