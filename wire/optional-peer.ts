/**
 * Loads an optional peer dependency for one entry point of the package (`llm-conformance/msw`
 * needs msw, `llm-conformance/vitest` needs vitest): a project without it gets a message that
 * names the package to install, instead of Node's bare ERR_MODULE_NOT_FOUND from inside
 * llm-conformance. `load` is the entry's own `import('name')`, so types and bundlers see it.
 *
 * @see https://docs.npmjs.com/cli/v10/configuring-npm/package-json#peerdependenciesmeta
 */
export async function optionalPeer<T>(load: () => Promise<T>, name: string, entry: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(`'${name}'`)) {
      throw new Error(`${entry} needs ${name}, an optional peer dependency of llm-conformance: npm install --save-dev ${name}`, { cause: error });
    }
    throw error;
  }
}
