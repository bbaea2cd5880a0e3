#!/usr/bin/env node
// Plain JavaScript on purpose: this file must run, and explain itself, on any Node version.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `llm-conformance needs Node.js 22.18 or newer; this is ${process.version}.\n` +
      'Run it through npm (`npm start`, `npx llm-conformance …`), which uses the Node 22 the project installs, ' +
      'or install Node 22 (https://nodejs.org).',
  );
  process.exit(2);
}
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
