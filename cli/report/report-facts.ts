import type { JsonReport, RunVerdict } from './json-report.ts';

/** How a verdict reads in every report. */
export const VERDICT_TEXT: Readonly<Record<RunVerdict, string>> = {
  conformant: 'CONFORMANT',
  'not-conformant': 'NOT CONFORMANT',
  'not-judged': 'NOT JUDGED',
  misconfigured: 'NOT RUN (configuration)',
  'internal-error': 'INTERNAL ERROR',
};

/**
 * What every report states about its run, so that a claim can be checked against the same setup
 * later: the target (its URL as shown, credentials never), protocols, the model per protocol, the
 * tool and SDK versions, Node, when. `protocol` narrows the model to that protocol's.
 */
export function reportFacts(report: JsonReport, protocol?: string): [name: string, value: string][] {
  const t = report.target;
  const models = protocol !== undefined ? (t.models[protocol] ?? '') : Object.entries(t.models).map(([p, m]) => `${p}: ${m}`).join(', ');
  const headers = Object.entries(t.headers ?? {});
  const env = report.environment;
  return [
    ['target', `${t.baseUrl}${t.embedded ? ' (embedded reference mock)' : ''}`],
    ['protocols', t.protocols.join(', ')],
    [protocol !== undefined ? 'model' : 'models', models || '(none)'],
    ...(headers.length > 0 ? [['headers', headers.map(([k, v]) => `${k}: ${v}`).join('; ')] as [string, string]] : []),
    ['tool', `${report.tool.name} ${report.tool.version}`],
    ['sdks', env ? Object.entries(env.sdks).map(([name, version]) => `${name} ${version}`).join(', ') : '(not recorded)'],
    ['node', env ? `${env.node} (${env.platform ?? ''})` : '(not recorded)'],
    ['started', report.startedAt],
    ['finished', report.finishedAt ?? ''],
    ['verdict', VERDICT_TEXT[report.verdict] ?? report.verdict],
  ];
}
