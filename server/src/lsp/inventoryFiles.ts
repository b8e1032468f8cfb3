// Which documents are Pigsty inventories: pigsty.yml, YAML under a conf/ folder, any YAML whose
// top level is `all:` with `children:` or `vars:`, and files matching the user's extra globs.
import { URI } from './uri';

const TOP_LEVEL_ALL = /^all:[ \t]*(#.*)?\r?\n(?:[ \t]*(#.*)?\r?\n)*[ \t]+(children|vars|hosts):/m;

export function looksLikeInventory(text: string): boolean {
  return TOP_LEVEL_ALL.test(text.slice(0, 64 * 1024)) || /^all:\s*\{/m.test(text.slice(0, 64 * 1024));
}

export function isInventoryPath(uri: string, extraGlobs: readonly string[]): boolean {
  const path = URI.path(uri);
  if (!/\.ya?ml$/i.test(path)) return false;
  if (/(^|\/)pigsty\.ya?ml$/i.test(path)) return true;
  if (/(^|\/)conf\/(.*\/)?[^/]+\.ya?ml$/i.test(path)) return true;
  return extraGlobs.some((g) => globToRegExp(g).test(path));
}

/** `**` any folders, `*` within one name, `?` one character, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') i++;
        re += '(?:.*/)?';
        if (i + 1 >= glob.length) re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // a relative glob matches anywhere in the path, like VS Code's `files.associations`
  return new RegExp((glob.startsWith('/') ? '^' : '(?:^|/)') + re + '$');
}
