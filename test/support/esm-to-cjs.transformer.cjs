// Jest (before Node 24.9) cannot require ES modules, and Nest 12 (with a few of its dependencies)
// ships only ES modules. This transformer compiles those packages to CommonJS for the test runner;
// `node` itself loads them natively (require(esm)), so only tests use it.
const { createHash } = require('node:crypto');
const ts = require('typescript');

// `const require = createRequire(import.meta.url)`: CommonJS has its own require (redeclaring it fails).
const OWN_REQUIRE = /^\s*const require = [^;\n]+;?$/gm;
const IMPORT_META = /\bimport\.meta\.(url|filename|dirname)\b/g;
const REPLACEMENTS = {
  url: "require('node:url').pathToFileURL(__filename).href",
  filename: '__filename',
  dirname: '__dirname',
};

module.exports = {
  getCacheKey(source, path) {
    return createHash('sha256').update('esm-to-cjs-2').update(path).update(source).digest('hex');
  },
  process(source, path) {
    const withoutMeta = source.replace(OWN_REQUIRE, '').replace(IMPORT_META, (_, key) => REPLACEMENTS[key]);
    const { outputText } = ts.transpileModule(withoutMeta, {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
        sourceMap: false,
      },
    });
    return { code: outputText };
  },
};
