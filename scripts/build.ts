/**
 * `npm run build` (and `prepack`, so `npm pack` / `npm publish` always ship a fresh build): compiles
 * the package's entry points and everything they import into `dist/` (JavaScript + declarations, and
 * the JSON schemas they import), with the TypeScript compiler.
 *
 * Why `tsc` and not a bundler: the sources are already erasable TypeScript whose relative imports end
 * in `.ts`, which `rewriteRelativeImportExtensions` turns into `.js`; the output keeps one file per
 * source file (readable stack traces, JSON schemas as plain files next to their importers) and tsc is
 * the only tool that writes the declaration files anyway.
 *
 * The build starts from the public entry points (`tsconfig.build.json`), so it follows the import
 * graph: a new protocol folder is compiled as soon as an index imports it, and test helpers nothing
 * shipped imports are left out, without a list of files to maintain.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// A clean slate: a file left from a source that was since moved or deleted must not ship.
rmSync(dist, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch {
  console.error('build: tsc failed (see above)');
  process.exit(1);
}
// tsc copies every JSON file in the program, and `mock-server/core/version.ts` imports the root
// package.json (through the `#package.json` import map, which resolves to the root one at run time
// too). A second package.json inside dist would be a package scope of its own with exports that point
// at sources, so it goes.
rmSync(join(dist, 'package.json'), { force: true });
