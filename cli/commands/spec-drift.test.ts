import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftProtocol, openapiDocument } from '../../specs/tooling/spec-drift-test-support.ts';
import { UsageError } from '../exit-codes.ts';
import { specDriftCommand } from './spec-drift.ts';

const ours = { 'model.json': { type: 'object', required: ['id'], properties: { id: { type: 'string' }, kind: { enum: ['a', 'b'] } } } };
const specs = { 'anthropic-messages': driftProtocol(ours, { 'model.json': 'Model' }) };
const agreeing = openapiDocument({ Model: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['b', 'a'] } } } });
const drifting = openapiDocument({ Model: { type: 'object', required: ['id', 'max'], properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['a', 'c'] } } } });

let dir: string;
const files: Record<string, string> = {};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-conformance-drift-'));
  const contents: Record<string, string> = {
    'agreeing.json': JSON.stringify(agreeing),
    'drifting.json': JSON.stringify(drifting),
    'spec.yaml': 'openapi: 3.1.0\ninfo: {title: x}\n',
    'not-openapi.json': JSON.stringify({ swagger: '2.0', definitions: {} }),
    'elsewhere.json': JSON.stringify(openapiDocument({ Other: { type: 'object' } })),
  };
  for (const [name, text] of Object.entries(contents)) {
    files[name] = join(dir, name);
    await writeFile(files[name], text);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await specDriftCommand(args, { stdout: (t) => (stdout += t), stderr: () => {}, specs });
  return { code, stdout };
}

describe('llm-conformance spec-drift', () => {
  it('exits 0 and says so when the schemas agree', async () => {
    const { code, stdout } = await run(['--openapi', files['agreeing.json']!]);
    expect(code).toBe(0);
    expect(stdout).toContain('anthropic-messages vs Test API 1.0: 0 differences');
    expect(stdout).toMatch(/No drift \(\d+ ms\)\./);
  });

  it('exits 1 and lists each difference, grouped by direction', async () => {
    const { code, stdout } = await run(['--openapi', files['drifting.json']!, '--protocol', 'anthropic-messages']);
    expect(code).toBe(1);
    expect(stdout).toContain('3 differences (1 stricter, 2 laxer, 0 errors)');
    expect(stdout).toContain('stricter: ours rejects what the official spec allows (1)\n    Model.kind [enum-missing]: the official spec allows "c"; ours rejects it');
    expect(stdout).toContain('Model [required-missing]: the official spec requires max; ours does not');
    expect(stdout).toContain('ours test/model.json#/properties/kind · official #/components/schemas/Model/properties/kind');
  });

  it('prints the findings as JSON with --json', async () => {
    const { code, stdout } = await run(['--openapi', files['drifting.json']!, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.openapi).toEqual({ file: 'drifting.json', title: 'Test API', version: '1.0' });
    expect(report.protocols).toEqual([{ protocol: 'anthropic-messages', mapped: 1, found: 1, compared: 3, leftOff: 0 }]);
    expect(report.summary).toEqual({ total: 3, stricter: 1, laxer: 2, error: 0 });
    expect(report.findings).toContainEqual({
      protocol: 'anthropic-messages',
      kind: 'enum-extra',
      direction: 'laxer',
      path: 'Model.kind',
      subjects: ['"b"'],
      message: 'ours allows "b"; the official spec does not',
      ours: 'test/model.json#/properties/kind',
      official: '#/components/schemas/Model/properties/kind',
    });
  });

  it.each([
    [[], '--openapi FILE is required'],
    [['--openapi', '/nonexistent/openapi.json'], 'cannot read --openapi "/nonexistent/openapi.json": ENOENT'],
    [['--openapi', 'spec.yaml'], 'is not JSON (YAML is not read'],
    [['--openapi', 'not-openapi.json'], 'is not an OpenAPI 3.x document'],
    [['--openapi', 'elsewhere.json'], 'has too few of the official components our protocols map (anthropic-messages); pass --protocol'],
    [['--openapi', 'agreeing.json', '--protocol', 'grpc'], 'unknown protocol "grpc"'],
  ])('%j is a usage error: %s', async (args, message) => {
    const resolved = args.map((a) => files[a] ?? a);
    await expect(run(resolved)).rejects.toThrow(UsageError);
    await expect(run(resolved)).rejects.toThrow(message);
  });
});
