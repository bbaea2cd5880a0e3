import { failureText } from '../../suites/harness/evidence-text.ts';
import type { JsonReport, ReportCheck } from './json-report.ts';
import { READINESS_LABEL } from './readiness.ts';
import { reportFacts } from './report-facts.ts';
import { cut, visibleText } from './text.ts';

/**
 * The run as JUnit XML, for CI test tabs (GitLab, Jenkins, GitHub test-report actions): one
 * `<testsuite>` per protocol, one `<testcase>` per check (`classname` = protocol.area, `name` =
 * the check id). A skipped check is `<skipped>` with its reason (blocked ones name their root),
 * a failure `<failure>` with expected vs actual, the spec and the exchange, an internal error of
 * the tool `<error>`. `should` failures are failures too (`type="should"`): the run's exit code,
 * not the test tab, decides whether CI fails. The run's facts and client readiness are
 * `<properties>` and `<system-out>` of each suite.
 *
 * Target text is escaped for XML and made visible where XML 1.0 cannot carry it (control
 * characters, lone surrogates): `]]>` and `</testcase>` are plain text here.
 *
 * @see https://github.com/testmoapp/junitxml (the de-facto schema)
 */
export function renderJunit(report: JsonReport): string {
  const suites = report.target.protocols.map((protocol) => testsuite(report, protocol, report.checks.filter((c) => c.protocol === protocol)));
  const s = report.summary;
  const attrs = attributes({
    name: 'llm-conformance',
    tests: s.total,
    failures: s.failed,
    errors: s.internalErrors,
    skipped: s.skipped - s.internalErrors,
    time: seconds(report.durationMs),
    timestamp: report.startedAt,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs}>\n${suites.join('')}</testsuites>\n`;
}

function testsuite(report: JsonReport, protocol: string, checks: readonly ReportCheck[]): string {
  const count = (predicate: (c: ReportCheck) => boolean) => checks.filter(predicate).length;
  const errors = count((c) => c.skipKind === 'internal-error');
  const attrs = attributes({
    name: protocol,
    tests: checks.length,
    failures: count((c) => c.status === 'fail'),
    errors,
    skipped: count((c) => c.status === 'skip') - errors,
    time: seconds(checks.reduce((sum, c) => sum + c.durationMs, 0)),
    timestamp: report.startedAt,
  });
  const facts = reportFacts(report, protocol);
  const properties = facts.map(([name, value]) => `      <property ${attributes({ name, value })}/>\n`).join('');
  const readiness = report.readiness.filter((r) => r.protocols.includes(protocol));
  const out = [
    ...facts.map(([name, value]) => `${name}: ${value}`),
    ...(readiness.length > 0 ? ['', 'Client readiness:', ...readiness.map((r) => `  ${r.name}: ${READINESS_LABEL[r.status]} (${r.reason})`)] : []),
  ];
  return `  <testsuite ${attrs}>\n    <properties>\n${properties}    </properties>\n${checks.map(testcase).join('')}    <system-out>${text(out.join('\n'))}</system-out>\n  </testsuite>\n`;
}

function testcase(check: ReportCheck): string {
  const [protocol, area] = check.id.split('/');
  const attrs = attributes({ classname: `${protocol}.${area}`, name: check.id, time: seconds(check.durationMs) });
  const body = caseBody(check);
  return body === '' ? `    <testcase ${attrs}/>\n` : `    <testcase ${attrs}>\n${body}    </testcase>\n`;
}

function caseBody(check: ReportCheck): string {
  if (check.status === 'fail') {
    const message = `[${check.level}] ${check.message}`;
    return `      <failure ${attributes({ message: cut(message, 1000), type: check.level })}>${text(failureText(check))}</failure>\n`;
  }
  if (check.skipKind === 'internal-error') {
    return `      <error ${attributes({ message: cut(check.message, 1000), type: 'internal-error' })}>${text(check.internalError ?? check.message)}</error>\n`;
  }
  if (check.status === 'skip') {
    // The messages of blocked and not-run checks already say so ("blocked by <id> (…)", "not run: …").
    const reason = check.skipKind === 'blocked' || check.skipKind === 'not-run' ? check.message : `${check.skipKind ?? 'skipped'}: ${check.message}`;
    return `      <skipped ${attributes({ message: cut(reason, 1000) })}/>\n`;
  }
  return '';
}

/** XML character data: escaped, and with characters XML 1.0 cannot carry shown as escapes. */
function text(value: string): string {
  return visibleText(value, { multiline: true })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${text(String(value)).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')}"`)
    .join(' ');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
