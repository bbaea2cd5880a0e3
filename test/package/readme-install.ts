/** The README's "Install" section, read as the commands a user types (so the package test runs exactly those). */

/** The text of the README's `## Install` section, up to the next `## ` heading. */
export function installSection(readme: string): string {
  const start = readme.indexOf('\n## Install\n');
  if (start === -1) throw new Error('README.md has no "## Install" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The commands of a section's first ```sh block, each split into words; `# comments` and blank lines dropped. */
export function shellCommands(section: string): string[][] {
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('the section has no ```sh block');
  return block
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}
