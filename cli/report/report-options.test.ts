import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/cli-helpers.ts';
import { reportOptions, resolveReportOutputs } from './report-options.ts';

const tempDir = useTempDir('llm-conformance-report-options-');

describe('report options', () => {
  it('--report-dir writes the four formats under fixed names; single flags add their own file', async () => {
    const dir = join(tempDir(), 'out');
    const outputs = await resolveReportOutputs(reportOptions({ 'report-dir': dir, 'report-md': '-' }));
    expect(outputs).toEqual([
      { format: 'md', path: '-' },
      { format: 'json', path: join(dir, 'conformance.json') },
      { format: 'junit', path: join(dir, 'conformance.junit.xml') },
      { format: 'md', path: join(dir, 'conformance.md') },
      { format: 'html', path: join(dir, 'conformance.html') },
    ]);
  });

  it('refuses two reports on stdout, a directory as a report file, a file as the directory', async () => {
    await expect(resolveReportOutputs(reportOptions({ 'report-json': '-', 'report-md': '-' }))).rejects.toThrow("only one report can go to stdout ('-'): --report-json, --report-md");
    await mkdir(join(tempDir(), 'a-dir'), { recursive: true });
    await expect(resolveReportOutputs(reportOptions({ 'report-html': join(tempDir(), 'a-dir') }))).rejects.toThrow(/--report-html ".*a-dir" is a directory: give a file path such as ".*a-dir\/conformance\.html"/);
    await writeFile(join(tempDir(), 'a-file'), '');
    await expect(resolveReportOutputs(reportOptions({ 'report-dir': join(tempDir(), 'a-file') }))).rejects.toThrow(/--report-dir ".*a-file" is a file, not a directory/);
    await expect(resolveReportOutputs(reportOptions({ 'report-dir': join(tempDir(), 'a-file', 'sub') }))).rejects.toThrow(/a-file is a file, not a directory/);
    await expect(resolveReportOutputs(reportOptions({ 'report-junit': '' }))).rejects.toThrow('--report-junit needs a file path');
  });

  it('--plain is a boolean; nothing given writes nothing', async () => {
    expect(reportOptions({ plain: true }).plain).toBe(true);
    expect(await resolveReportOutputs(reportOptions({}))).toEqual([]);
  });
});
