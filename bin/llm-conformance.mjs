#!/usr/bin/env node
// Plain JavaScript on purpose: this file must run, and explain itself, on any Node version.
//
// One launcher for the two ways the CLI runs. Installed from the registry, the package holds the
// compiled build (dist/) and no TypeScript sources: the launcher runs the build, which needs the Node
// in the package's `engines`. In a clone of the repository the sources sit next to this file: the
// launcher runs them (Node strips the types, from 22.18), so `npm start` never runs a stale build.
import { existsSync, readFileSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';

const sources = new URL('../cli/main.ts', import.meta.url);
const fromSources = existsSync(sources);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const minimum = fromSources ? '22.18.0' : /\d+\.\d+\.\d+/.exec(pkg.engines.node)[0];

if (older(process.versions.node, minimum)) {
  const wanted = minimum.replace(/\.0$/, '');
  const advice = fromSources
    ? 'Run it through npm (`npm start`, `npx llm-conformance …`), which uses the Node 22 the project installs, ' +
      'or install Node 22 (https://nodejs.org).'
    : `Install Node.js ${wanted} or newer (https://nodejs.org, or \`nvm install ${wanted.split('.')[0]}\`), then run it again.\n` +
      `Or, without changing the system Node: \`npm install --save-dev node@${wanted.split('.')[0]}\` in your project; ` +
      '`npx llm-conformance` and your npm scripts then run on that Node.';
  console.error(`llm-conformance ${pkg.version} needs Node.js ${wanted} or newer; this is Node.js ${process.version} (${process.execPath}).\n${advice}`);
  process.exit(2);
}

// `npx llm-conformance mock` runs as npm → `sh -c` → this process. A SIGTERM to npm (a process
// manager, a CI step, `kill` on the pid the user started) is forwarded to the shell only, which dies
// without passing it on, and this process would go on serving as an orphan. So, when npm started it,
// losing its parent is taken as the SIGTERM it stands for (checked twice a second, never keeping the
// process alive). Not otherwise: `nohup llm-conformance mock &` is meant to outlive its shell.
if (process.env.npm_lifecycle_event !== undefined) {
  const parent = process.ppid;
  const watchdog = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watchdog);
    process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}

const { main } = await import(fromSources ? sources.href : new URL('../dist/cli/main.js', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));

/** True when version `a` (x.y.z) is below `b`. */
function older(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}
