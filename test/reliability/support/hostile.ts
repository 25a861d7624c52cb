import fc from 'fast-check';

/** Strings that have broken other programs: SQL, FTS syntax, paths, control and format characters. */
export const NASTY_STRINGS: readonly string[] = [
  "'; DROP TABLE entries; --",
  "Robert'); DELETE FROM audit_log; --",
  '" OR 1=1 --',
  "%' OR '1'='1",
  '1; ATTACH DATABASE \'/tmp/x.sqlite\' AS x; --',
  'NEAR(a b) OR "unterminated',
  '* ^ AND NOT OR',
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32\\config\\SAM',
  '/etc/shadow',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  '\\\\server\\share\\x',
  '/proc/self/environ',
  'register.sqlite',
  'backups/../register.sqlite',
  'register-2025-01-01T00-00-00-000Z-manual.sqlite/../../register.sqlite',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n\r\nHTTP/1.1 200 OK',
  '\u202eevil\u202c',
  '\ufeff\u200b\u200d',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\ude00b',
  'Шевчeнко',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '%s%s%s%n',
  'null',
  'undefined',
  '__proto__',
  ' ',
  '',
];

const TEN_MB = 10 * 1024 * 1024;
let tenMegabytes: string | undefined;

/** Built once: a 10 MB string, the largest thing a page could try to send. */
export function tenMegabyteString(): string {
  tenMegabytes ??= 'Ї'.repeat(TEN_MB / 2);
  return tenMegabytes;
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

/** Objects whose keys attack the prototype chain, built with JSON.parse so `__proto__` is an own key. */
export function prototypeAttacks(): unknown[] {
  return [
    JSON.parse('{"__proto__": {"polluted": true, "role": "head"}}') as unknown,
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
    JSON.parse('{"certificate": {"__proto__": {"polluted": true}}, "journalId": "x"}') as unknown,
    JSON.parse('{"toString": "x", "valueOf": 1, "hasOwnProperty": null}') as unknown,
  ];
}

/** Rare but heavy values: 10 MB strings, 100 000-element arrays, 2 000 levels of nesting. */
const heavyValue: fc.Arbitrary<unknown> = fc.constantFrom<() => unknown>(
  () => tenMegabyteString(),
  () => 'x'.repeat(1024 * 1024 + 1),
  () => Array.from({ length: 100_000 }, (_, i) => i),
  () => Array.from({ length: 10_000 }, () => ({ id: 'x' })),
  () => deeplyNested(2_000),
).map((make) => make());

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...NASTY_STRINGS),
  fc.uuid(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, 0.5),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

/** Any value a hostile page could put in a field: wrong types, nasties, containers, now and then something huge. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: scalar, weight: 12 },
  { arbitrary: fc.array(scalar, { maxLength: 8 }), weight: 2 },
  { arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), scalar, { maxKeys: 6 }), weight: 2 },
  { arbitrary: fc.constantFrom(...prototypeAttacks()), weight: 1 },
  { arbitrary: heavyValue, weight: 1 },
);

/** A payload for a channel: its own field names with hostile values (some missing), extra fields, or no object at all. */
export function hostilePayload(fieldNames: readonly string[], validSamples: readonly unknown[]): fc.Arbitrary<unknown> {
  const ownFields = fc.record(Object.fromEntries(fieldNames.map((name) => [name, hostileValue])), { requiredKeys: [] });
  const withExtras = fc
    .tuple(ownFields, fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'role', 'userId', 'isAdmin', 'extra', 'sql', 'path'), hostileValue, { minKeys: 1, maxKeys: 3 }))
    .map(([own, extra]) => ({ ...own, ...extra }));
  const arms: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: ownFields, weight: 6 },
    { arbitrary: withExtras, weight: 2 },
    { arbitrary: hostileValue, weight: 2 },
    { arbitrary: fc.constantFrom(...prototypeAttacks()), weight: 1 },
  ];
  if (validSamples.length > 0) arms.push({ arbitrary: mutatedSample(validSamples), weight: 5 });
  return fc.oneof(...arms);
}

/** A valid payload with one field, somewhere inside, replaced, removed or given a sibling. */
function mutatedSample(samples: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...samples), fc.nat(), hostileValue, fc.constantFrom('replace', 'remove', 'add')).map(([sample, pick, value, how]) => {
    const copy = structuredClone(sample) as Record<string, unknown>;
    const containers = collectContainers(copy);
    const target = containers[pick % containers.length] ?? copy;
    const keys = Object.keys(target);
    const key = keys[pick % Math.max(1, keys.length)] ?? 'extra';
    if (how === 'remove') delete target[key];
    else if (how === 'add') target[`${key}_extra`] = value;
    else target[key] = value;
    return copy;
  });
}

function collectContainers(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value as Record<string, unknown>);
  for (const child of Object.values(value)) collectContainers(child, found);
  return found;
}
