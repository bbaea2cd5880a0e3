import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The official SDKs the suites drive; their versions go into every report. */
export const SDK_PACKAGES = ['openai', '@anthropic-ai/sdk', '@google/genai'] as const;

/**
 * What a run ran on (`environment` in the JSON report): the versions of the official SDKs the
 * checks drove, read from the installed packages at run time (a user's lockfile may hold others
 * than ours), and Node. With the tool version and the date, a vendor's claim ("passes
 * llm-conformance") can be checked against the same setup later.
 */
export interface RunEnvironment {
  /** `process.version`, e.g. `v22.23.3`. */
  readonly node: string;
  /** `linux-x64`. */
  readonly platform: string;
  /** Package name → installed version (`"not installed"` when the package cannot be found). */
  readonly sdks: Readonly<Record<string, string>>;
}

let cached: RunEnvironment | undefined;

/** The environment of this process (read once). */
export function runEnvironment(): RunEnvironment {
  cached ??= {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    sdks: Object.fromEntries(SDK_PACKAGES.map((name) => [name, installedVersion(name)])),
  };
  return cached;
}

/**
 * The version of the package `name` as Node would resolve it from here. Read from its
 * package.json found along Node's lookup paths, since none of the SDKs exports `./package.json`.
 */
export function installedVersion(name: string, from: string = import.meta.url): string {
  const require = createRequire(from);
  for (const dir of require.resolve.paths(name) ?? []) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === name && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not in this node_modules: try the next one up
    }
  }
  return 'not installed';
}
