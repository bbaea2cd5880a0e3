import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { formatDiagnostics } from '../specs/tooling/diagnostic.ts';
import { SchemaRegistry } from '../specs/tooling/schema-registry.ts';
import configSchema from './config.schema.json' with { type: 'json' };
import { UsageError } from './exit-codes.ts';

/** The file a run reads from its working directory when no `--config` is given. */
export const CONFIG_FILE_NAME = 'llm-conformance.config.json';

/** A header value in the file: literal text, or the name of the environment variable that holds it. */
export type ConfigHeaderValue = string | { readonly env: string };

/** Where one protocol's checks go (`targets.<protocol>`), or the defaults every protocol shares. */
export interface ConfigTarget {
  readonly baseUrl?: string;
  readonly apiKeyEnv?: string;
  readonly model?: string;
  readonly headers?: Readonly<Record<string, ConfigHeaderValue>>;
}

/** `llm-conformance.config.json`, as `config.schema.json` describes it. */
export interface ConfigFile extends ConfigTarget {
  readonly targets?: Readonly<Record<string, ConfigTarget>>;
  readonly protocol?: string | readonly string[];
  readonly filter?: string;
  readonly failOn?: 'must' | 'should';
  readonly baseline?: string;
  readonly maxRequests?: number;
  readonly concurrency?: number;
  readonly timeout?: number;
  readonly checkTimeout?: number;
}

export interface LoadedConfig {
  /** How messages name the file (relative to the working directory when inside it). */
  readonly label: string;
  /** Relative paths in the file (`baseline`) are relative to this directory. */
  readonly dir: string;
  readonly values: ConfigFile;
}

/** A config file is a few hundred bytes; anything near this is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const registry = new SchemaRegistry([configSchema]);

/**
 * The run's configuration file: `explicit` (`--config FILE`, `$LLM_CONFORMANCE_CONFIG`) must
 * exist; otherwise `llm-conformance.config.json` in `cwd` is read when present. The file is
 * validated against `config.schema.json` (shipped, so editors can complete it through
 * `"$schema"`); every problem is a {@link UsageError} naming the file and the field. Read
 * synchronously (see {@link fileSize}).
 *
 * @see ./config.schema.json
 */
export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig | undefined {
  const path = resolve(cwd, explicit ?? CONFIG_FILE_NAME);
  const inside = relative(cwd, path);
  const label = inside && !inside.startsWith('..') ? inside : path;
  const size = fileSize(path);
  if (size === undefined) {
    if (explicit === undefined) return undefined;
    throw new UsageError(`--config ${JSON.stringify(explicit)}: no such file`);
  }
  if (size < 0) throw new UsageError(`${label} is not a file`);
  if (size > MAX_CONFIG_BYTES) throw new UsageError(`${label} is larger than ${MAX_CONFIG_BYTES} bytes: not a configuration file`);
  return { label, dir: dirname(path), values: parseConfig(readFileSync(path, 'utf8'), label) };
}

/**
 * A file's size; -1 for a directory, `undefined` when there is nothing. Synchronous: the vitest
 * entry resolves its options while vitest collects tests, and a config file is a few hundred bytes.
 */
export function fileSize(path: string): number | undefined {
  const found = statSync(path, { throwIfNoEntry: false });
  return found === undefined ? undefined : found.isFile() ? found.size : -1;
}

/** Parses and validates the text of a config file (`label` names it in messages). */
export function parseConfig(text: string, label: string): ConfigFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${label} is not valid JSON: ${(error as Error).message}`);
  }
  const keyAt = literalKeyField(value);
  if (keyAt) {
    throw new UsageError(`${label}: ${keyAt} holds a key, and keys never go in a configuration file (it gets committed): name the environment variable that holds it, e.g. "apiKeyEnv": "OPENAI_API_KEY"`);
  }
  const findings = registry.validate(configSchema.$id, value);
  if (findings.length > 0) {
    const readable = findings.map((d) => (d.keyword === 'additionalProperties' ? { ...d, message: `${d.field}: unknown option` } : d));
    throw new UsageError(`${label}: ${formatDiagnostics(readable)}`);
  }
  return value as ConfigFile;
}

/** Where a literal `apiKey` sits (top level or in a target), so the message can say what to do instead. */
function literalKeyField(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if ('apiKey' in value) return 'apiKey';
  const targets = value.targets;
  if (!isObject(targets)) return undefined;
  const protocol = Object.keys(targets).find((name) => isObject(targets[name]) && 'apiKey' in targets[name]);
  return protocol === undefined ? undefined : `targets.${protocol}.apiKey`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
