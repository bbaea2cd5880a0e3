/**
 * How the console may draw. Colour follows the conventions CI systems and terminals share:
 * `FORCE_COLOR` (any value but `0`/`false`) turns it on even in a log, `NO_COLOR` (any
 * non-empty value) turns it off, otherwise a terminal gets colour unless `TERM=dumb`. Live
 * progress (a status line redrawn with `\r`) needs a terminal, and is off under `CI` (logs keep
 * every byte, so redraws would pile up) and with `--plain`.
 *
 * @see https://no-color.org
 * @see https://force-color.org
 */
export interface TerminalInfo {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Whether output may carry ANSI colour. */
export function useColor({ isTTY, env }: TerminalInfo): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** Whether progress may be redrawn in place. `io.tty` is whether the console goes to a terminal. */
export function liveProgress(io: { readonly tty?: boolean; readonly env: TerminalInfo['env'] }, plain: boolean): boolean {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false' && io.env.CI !== '0';
  return io.tty === true && !plain && !ci && io.env.TERM !== 'dumb';
}
