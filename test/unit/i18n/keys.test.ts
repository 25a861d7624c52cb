import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leafKeys, mergeFragments, type Fragment } from '../../../renderer/src/i18n/merge-fragments.js';

const root = path.resolve(import.meta.dirname, '../../..');
const i18nDir = path.join(root, 'shared/i18n');
const rendererSrc = path.join(root, 'renderer/src');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, suffix);
    return name.endsWith(suffix) ? [full] : [];
  });
}

async function loadFragment(file: string): Promise<Fragment> {
  const module = (await import(file)) as { default: Fragment };
  return module.default;
}

const areas = readdirSync(i18nDir)
  .filter((name) => name.endsWith('.uk.ts'))
  .map((name) => name.slice(0, -'.uk.ts'.length));

/** Source without comments, so a key or a word in a comment is not taken for code. */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('i18n fragments', () => {
  it('every area has both languages', () => {
    const en = readdirSync(i18nDir).filter((name) => name.endsWith('.en.ts'));
    expect(en.map((name) => name.slice(0, -'.en.ts'.length)).sort()).toEqual([...areas].sort());
    expect(areas).toContain('ui');
  });

  it.each(areas)('%s: uk and en have identical keys and no empty texts', async (area) => {
    const uk = await loadFragment(path.join(i18nDir, `${area}.uk.ts`));
    const en = await loadFragment(path.join(i18nDir, `${area}.en.ts`));
    expect(leafKeys(en).sort()).toEqual(leafKeys(uk).sort());
    for (const fragment of [uk, en]) {
      for (const key of leafKeys(fragment)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], fragment);
        expect(typeof text === 'string' && text.trim().length > 0, `${area}: ${key}`).toBe(true);
      }
    }
  });
});

describe('renderer strings', () => {
  const sources = filesUnder(rendererSrc, '.ts').concat(filesUnder(rendererSrc, '.tsx'));

  it('every literal t() key exists in both languages', async () => {
    const merged = { uk: new Set<string>(), en: new Set<string>() };
    for (const language of ['uk', 'en'] as const) {
      const fragments = await Promise.all(areas.map((area) => loadFragment(path.join(i18nDir, `${area}.${language}.ts`))));
      for (const key of leafKeys(mergeFragments(fragments))) merged[language].add(key);
    }
    const used = new Set<string>();
    for (const file of sources) {
      for (const match of codeOf(file).matchAll(/\bt\(\s*'([^'$]+)'/g)) used.add(match[1] as string);
      // Dynamic keys (`ui.nav.${screen}`): at least their fixed prefix must exist.
      for (const match of codeOf(file).matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) used.add(`${match[1] as string}.*`);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const key of used) {
      for (const language of ['uk', 'en'] as const) {
        const keys = merged[language];
        const present = key.endsWith('.*')
          ? [...keys].some((candidate) => candidate.startsWith(key.slice(0, -1)))
          : keys.has(key);
        if (!present) missing.push(`${language}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no component hard-codes visible text in JSX', () => {
    const offenders: string[] = [];
    for (const file of filesUnder(rendererSrc, '.tsx')) {
      const code = codeOf(file);
      // Text between a closing `>` and the next `<` that holds a letter and is not an expression.
      for (const match of code.matchAll(/(?<![=-])>([^<>{}();=&|]*[A-Za-zА-ЯІЇЄҐа-яіїєґ][^<>{}();=&|]*)<(?=[/A-Za-z])/g)) {
        offenders.push(`${path.relative(root, file)}: ${(match[1] as string).trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
