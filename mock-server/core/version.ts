import pkg from '#package.json' with { type: 'json' };

/** The package name and version, for `GET /`, reports and the CLI. */
export const TOOL = { name: pkg.name, version: pkg.version } as const;
