/** A translation fragment: nested objects whose leaves are strings (`shared/i18n/<area>.<lang>.ts`). */
export interface Fragment {
  readonly [key: string]: string | Fragment;
}

type Mutable = { [key: string]: string | Mutable };

/** Deep-merges fragments of one language; each area owns its own keys, so nothing is overwritten in practice. */
export function mergeFragments(fragments: readonly Fragment[]): Fragment {
  const merged: Mutable = {};
  for (const fragment of fragments) mergeInto(merged, fragment);
  return merged;
}

function mergeInto(target: Mutable, source: Fragment): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'string') target[key] = value;
    else if (existing !== undefined && typeof existing !== 'string') mergeInto(existing, value);
    else {
      const child: Mutable = {};
      mergeInto(child, value);
      target[key] = child;
    }
  }
}

/** Every leaf key of a fragment in dotted form, e.g. `ui.nav.journal`. */
export function leafKeys(fragment: Fragment, prefix = ''): string[] {
  return Object.entries(fragment).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}
