/**
 * A package-lock.json for a consumer project, cut from this repository's own lockfile, so that npm
 * installs the consumer from its cache alone (`--offline`).
 *
 * Why: `npm ci` fetches tarballs by their lockfile integrity and never the registry's metadata
 * documents, so after `npm ci` the cache holds every package this project uses but not the
 * documents npm needs to resolve a version range. With a lockfile that already names every version,
 * npm resolves nothing and only reads tarballs by integrity, which `npm ci` of this repository just
 * put in the cache (on a fresh machine too).
 *
 * @see https://docs.npmjs.com/cli/configuring-npm/package-lock-json
 */

/** One entry of a lockfile v3 `packages` map (only the fields read here are typed). */
export interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly [field: string]: unknown;
}

export interface Lockfile {
  readonly name?: string;
  readonly lockfileVersion: number;
  readonly packages: Record<string, LockEntry>;
  readonly [field: string]: unknown;
}

/** The consumer project to lock: its manifest and, for a local tarball dependency, its lock entry. */
export interface ConsumerManifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  /** Extra top-level entries (e.g. `node_modules/<pkg>` for a `file:` tarball), whose dependencies are cut too. */
  readonly localPackages?: Record<string, LockEntry>;
}

/** Flags that describe a node's place in *this* repository's tree; npm recomputes them for the consumer. */
const TREE_FLAGS = ['dev', 'devOptional', 'optional', 'peer', 'extraneous'] as const;

/**
 * The consumer's lockfile: every package reachable from its dependencies (and from the local
 * packages' dependencies), laid out where this repository's lockfile has it. Dependencies resolve
 * like Node: the nearest `node_modules/<name>` walking up from the dependent. A package reached only
 * through optional edges (platform-specific binaries) is marked `optional`, so npm skips the ones
 * for other platforms as it does here. Throws when a required dependency is not in `source`.
 */
export function consumerLockfile(source: Lockfile, manifest: ConsumerManifest): Lockfile {
  const packages: Record<string, LockEntry> = {};
  const required = new Set<string>();
  const local = manifest.localPackages ?? {};
  const rootEdges = { ...manifest.dependencies, ...manifest.devDependencies };

  const visit = (from: string, edges: Iterable<[name: string, optional: boolean]>, viaOptional: boolean): void => {
    for (const [name, optional] of edges) {
      const key = `node_modules/${name}`;
      if (key in local) continue;
      const found = resolve(source.packages, from, name);
      if (found === undefined) {
        if (optional) continue;
        throw new Error(`consumer lockfile: "${name}" (needed by ${from || 'the consumer'}) is not in this repository's package-lock.json`);
      }
      const isRequired = !optional && !viaOptional;
      const seen = found in packages;
      if (seen && (!isRequired || required.has(found))) continue;
      packages[found] = withoutTreeFlags(source.packages[found]!);
      if (isRequired) required.add(found);
      visit(found, edgesOf(packages[found]!), optional || viaOptional);
    }
  };

  visit('', Object.keys(rootEdges).map((name) => [name, false] as [string, boolean]), false);
  for (const entry of Object.values(local)) visit('', edgesOf(entry), false);
  for (const key of Object.keys(packages)) {
    if (!required.has(key)) packages[key] = { ...packages[key], optional: true };
  }
  const root: LockEntry = { name: manifest.name, ...pick(manifest, 'dependencies', 'devDependencies') };
  return {
    name: manifest.name,
    lockfileVersion: 3,
    requires: true,
    packages: { '': root, ...local, ...Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b))) },
  };
}

/** The lock key Node would load `name` from, for a dependent at lock key `from` ('' is the root). */
function resolve(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (key in packages && !packages[key]!.link) return key;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

/** A package's dependency edges as `[name, optional]`; optional peers are not installed by npm, so they are skipped. */
function edgesOf(entry: LockEntry): [string, boolean][] {
  const edges: [string, boolean][] = Object.keys(entry.dependencies ?? {}).map((name) => [name, false]);
  for (const name of Object.keys(entry.optionalDependencies ?? {})) edges.push([name, true]);
  for (const name of Object.keys(entry.peerDependencies ?? {})) {
    if (!entry.peerDependenciesMeta?.[name]?.optional) edges.push([name, false]);
  }
  return edges;
}

function withoutTreeFlags(entry: LockEntry): LockEntry {
  const copy: Record<string, unknown> = { ...entry };
  for (const flag of TREE_FLAGS) delete copy[flag];
  return copy as LockEntry;
}

function pick<T extends object, K extends keyof T>(object: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]])) as Pick<T, K>;
}
