/** The HTML report's inline style sheet (no external resources: the page works offline). */
export const HTML_STYLE = `
:root { --ok: #1a7f37; --ok-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5;
  --partial: #57606a; --partial-bg: #eaeef2; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; } small { color: var(--muted); font-weight: normal; }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; overflow: auto; max-height: 420px; white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: #0969da; }
.verdict { display: inline-block; font-weight: 700; font-size: 16px; padding: 4px 12px; border-radius: 6px; margin: 0; }
.v-conformant { background: var(--ok-bg); color: var(--ok); } .v-not-conformant, .v-internal-error { background: var(--fail-bg); color: var(--fail); }
.v-not-judged, .v-misconfigured { background: var(--warn-bg); color: var(--warn); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
.facts dt { color: var(--muted); } .facts dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
.not-run { color: var(--warn); }
table { border-collapse: collapse; width: 100%; } .matrix { width: auto; min-width: 50%; } .matrix td { min-width: 180px; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.matrix td.cell a { font-weight: 700; text-decoration: none; color: inherit; } .matrix small { display: block; }
.cell.ok { background: var(--ok-bg); color: var(--ok); } .cell.fail { background: var(--fail-bg); color: var(--fail); }
.cell.warn { background: var(--warn-bg); color: var(--warn); } .cell.partial { background: var(--partial-bg); color: var(--partial); }
.cell.none { color: var(--muted); text-align: center; }
.legend span { padding: 2px 8px; border-radius: 4px; margin-right: 6px; font-size: 12px; }
.r-ready { color: var(--ok); font-weight: 700; } .r-not-ready { color: var(--fail); font-weight: 700; }
.r-ready-with-limitations { color: var(--warn); font-weight: 700; } .r-not-assessed { color: var(--muted); }
.failure { border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 6px; padding: 4px 16px 12px; margin: 16px 0; }
.failure.should { border-left-color: var(--warn); }
.level { text-transform: uppercase; font-size: 11px; padding: 1px 6px; border-radius: 4px; background: var(--fail-bg); color: var(--fail); }
.should .level { background: var(--warn-bg); color: var(--warn); }
.compare { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; } .compare dd { margin: 0; } .compare pre { margin: 0; }
.hints li { color: var(--warn); }
.checks .area th { background: #f6f8fa; } .status { font-weight: 700; }
.s-pass .status { color: var(--ok); } .s-fail .status { color: var(--fail); } .s-blocked .status, .s-skip .status { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
`;
