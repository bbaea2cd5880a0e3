/**
 * A strict XML 1.0 well-formedness check for test assertions (no XML parser is a dependency): a
 * prolog, one root element, balanced tags, quoted attributes without `<` or a bare `&`, only the
 * predefined and numeric entity references, and only characters XML 1.0 allows. Returns the first
 * problem, or `undefined` for a well-formed document. Comments, CDATA, DOCTYPE and processing
 * instructions (besides the prolog) are reported as problems: the JUnit writer emits none.
 *
 * @see https://www.w3.org/TR/xml/#sec-well-formed
 */
export function xmlProblem(xml: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const badChar = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  if (badChar) return `character U+${badChar[0].codePointAt(0)!.toString(16)} at ${badChar.index}`;
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!prolog) return 'no XML prolog';
  const stack: string[] = [];
  let roots = 0;
  const name = '[A-Za-z_][A-Za-z0-9_.-]*';
  const tag = new RegExp(`^<(/?)(${name})((?:\\s+${name}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`);
  for (let at = prolog[0].length; at < xml.length; ) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    const entity = checkEntities(text);
    if (entity) return `${entity} in text at ${at}`;
    if (text.trim() !== '' && stack.length === 0) return `text outside the root at ${at}`;
    if (next === -1) break;
    const match = tag.exec(xml.slice(next));
    if (!match) return `malformed markup at ${next}: ${JSON.stringify(xml.slice(next, next + 40))}`;
    const [whole, close, tagName, attrs, selfClose] = match as unknown as [string, string, string, string, string];
    const attrProblem = checkEntities(attrs) ?? duplicateAttribute(attrs);
    if (attrProblem) return `${attrProblem} in <${tagName}> at ${next}`;
    if (close) {
      if (stack.pop() !== tagName) return `</${tagName}> closes nothing open at ${next}`;
    } else {
      if (stack.length === 0 && ++roots > 1) return `a second root element at ${next}`;
      if (!selfClose) stack.push(tagName);
    }
    at = next + whole.length;
  }
  return stack.length > 0 ? `unclosed <${stack.at(-1)}>` : roots === 1 ? undefined : 'no root element';
}

function checkEntities(text: string): string | undefined {
  if (text.includes(']]>')) return 'a literal ]]>';
  for (const amp of text.matchAll(/&/g)) {
    if (!/^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/.test(text.slice(amp.index))) return `a bare & (${JSON.stringify(text.slice(amp.index, amp.index + 12))})`;
  }
  return undefined;
}

function duplicateAttribute(attrs: string): string | undefined {
  const names = [...attrs.matchAll(/\s+([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*"[^"]*"/g)].map((m) => m[1]);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  return twice ? `attribute ${twice} twice` : undefined;
}
