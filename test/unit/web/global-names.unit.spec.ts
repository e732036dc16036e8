import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const WEB = path.resolve(__dirname, '../../../apps/web');

/** The top-level names a classic script declares (they share one global scope with every other script of the page). */
function topLevelNames(source: string): string[] {
  return [...source.matchAll(/^(?:async\s+)?(?:function\s*\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? '');
}

/**
 * The UI's scripts are plain scripts loaded one after another: a name declared at the top of two of them (const/let/
 * class, or a function against a const) stops the later script from loading at all (a blank sign-in page once).
 */
describe('the web scripts share one global scope', () => {
  it('no top-level name is declared by two scripts', () => {
    const owners = new Map<string, string[]>();
    for (const file of readdirSync(WEB).filter((f) => f.endsWith('.js')))
      for (const name of topLevelNames(readFileSync(path.join(WEB, file), 'utf8'))) owners.set(name, [...(owners.get(name) ?? []), file]);
    const twice = [...owners].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(owners.size).toBeGreaterThan(20);
    expect(twice).toEqual([]);
  });
});
