import { parseArgs } from 'node:util';
import { formatMutantLine, formatSelfTestSummary, type MutantOutcome, mutantColumn, runMutant, summarise } from '../../suites/harness/self-test.ts';
import type { ProtocolSuite } from '../../suites/harness/suite.ts';
import { SUITE_PROTOCOLS, suiteFor } from '../../suites/index.ts';
import { EXIT } from '../exit-codes.ts';
import { parseProtocols } from '../run-options.ts';

/** Where the self-test command writes (injected so tests can run it in-process). */
export interface SelfTestIo {
  readonly stdout: (text: string) => void;
  /** The suites to test (default: the registry's; tests inject their own). */
  readonly suites?: readonly ProtocolSuite[];
}

export const SELF_TEST_USAGE = `Usage: llm-conformance self-test [--protocol LIST]

Proves, on this machine and version, that the checks can fail: runs every check against each
mutant (a deliberately broken reference mock imitating a deviation seen in the wild), in-process,
and prints how many checks each mutant fails next to the checks it names. Nothing leaves the process.

Options:
  --protocol LIST   comma-separated protocols (default: all)
  -h, --help        show this help

Exit codes: 0 every mutant detected (each fails every check it names); 1 some mutant was missed.`;

/**
 * `llm-conformance self-test`: the mutation self-test the project's own tests enforce, for users
 * who want to see that a pass means something (a buyer checking the tool before trusting its
 * verdicts) without cloning the repository. Prints one line per mutant as it finishes, then
 * `mutants detected K/N`.
 */
export async function selfTestCommand(argv: readonly string[], io: SelfTestIo): Promise<number> {
  const { values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { protocol: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    io.stdout(`${SELF_TEST_USAGE}\n`);
    return EXIT.ok;
  }
  const suites = io.suites ?? (values.protocol === undefined ? SUITE_PROTOCOLS : parseProtocols(values.protocol)).map(suiteFor);
  const width = mutantColumn(suites);
  const outcomes: MutantOutcome[] = [];
  for (const suite of suites) {
    for (const mutant of suite.mutants) {
      const outcome = await runMutant(suite, mutant);
      outcomes.push(outcome);
      io.stdout(`${formatMutantLine(outcome, width)}\n`);
    }
  }
  io.stdout(`\n${formatSelfTestSummary(suites, outcomes)}`);
  const summary = summarise(suites, outcomes);
  return summary.detected === summary.mutants && summary.uncovered.length === 0 ? EXIT.ok : EXIT.failed;
}
