// Runs TypeScript sources in a plain `node` child process (tests that SIGKILL a projector):
// compiles each .ts file with TypeScript's transpiler on require (cached on disk by content, so
// repeated child processes start fast) and resolves the @portal/* aliases to the sources. Plain
// node (unlike Jest) loads the ES-module-only packages natively.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

const root = path.join(__dirname, '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.json'));
tsConfigPaths.register({ baseUrl: root, paths: compilerOptions.paths });

const cacheDir = path.join(os.tmpdir(), 'portal-register-ts-cache');
fs.mkdirSync(cacheDir, { recursive: true });
let ts;

function compile(source, filename) {
  ts ??= require('typescript');
  return ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      sourceMap: false,
    },
  }).outputText;
}

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = compile(source, filename);
    // Written under a unique name then renamed, so a concurrent reader never sees half a file.
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output);
    fs.renameSync(temporary, cached);
  }
  module._compile(output, filename);
};
