import type { Gender } from '../domain/person.js';
import { findKind, type CustomKind } from './catalogue.js';

/**
 * The template engine of printed documents (R7.3: the council's forms are editable templates with
 * sound defaults, each versioned). A template is Ukrainian text; each non-empty line is one
 * paragraph; `{{name}}` is a placeholder; `{{household}}` on a line of its own marks where the
 * household table goes; `{{він|вона}}` prints the first word for a man and the second for a woman,
 * as the person the document is about (both, «він (вона)», when the entry does not say). Saving a
 * template runs `parseTemplate`, which rejects unknown placeholders, unbalanced braces and
 * characters the PDF font cannot print.
 */

const PERSON_FIELDS = ['subject.nominative', 'subject.dative', 'subject.genitive', 'subject.birthDate', 'address'] as const;
const SIGNATORY_FIELDS = ['signatory.position', 'signatory.name', 'entry.date', 'entry.number'] as const;

/** Fields every issued certificate may use (custom kinds, R7.15, may use all of them). */
const CERTIFICATE_FIELDS = [
  ...PERSON_FIELDS,
  ...SIGNATORY_FIELDS,
  'kind.title',
  'purpose',
  'grounds',
  'housingSource',
  'registeredOn',
  'household',
  'bodyCertificate',
  'deceased.genitive',
  'deceased.deathDate',
  'kinship',
  'kinshipDocument',
] as const;

const CERTIFICATION_FIELDS = [
  ...PERSON_FIELDS,
  ...SIGNATORY_FIELDS,
  'kind.title',
  'body.name',
  'body.typeGenitive',
  'signer.role',
  'signer.roleGenitive',
  'signer.name',
  'certificateDate',
] as const;

const REFUSAL_FIELDS = [...PERSON_FIELDS, ...SIGNATORY_FIELDS, 'requested', 'requested.action', 'refusal.grounds', 'referral'] as const;

export type PlaceholderName =
  | (typeof CERTIFICATE_FIELDS)[number]
  | (typeof CERTIFICATION_FIELDS)[number]
  | (typeof REFUSAL_FIELDS)[number];

export const HOUSEHOLD_MARKER = 'household' satisfies PlaceholderName;

/** Every placeholder any template may use. */
export const allPlaceholders: readonly PlaceholderName[] = [
  ...new Set<PlaceholderName>([...CERTIFICATE_FIELDS, ...CERTIFICATION_FIELDS, ...REFUSAL_FIELDS]),
];

const COMMON_CERTIFICATE_FIELDS: readonly PlaceholderName[] = [
  ...PERSON_FIELDS,
  ...SIGNATORY_FIELDS,
  'kind.title',
  'purpose',
  'grounds',
  'housingSource',
];

/** What each issued kind states (shared/domain.md A), hence the placeholders its template may use. */
const issuedKindFields: Record<string, readonly PlaceholderName[]> = {
  registration: [...COMMON_CERTIFICATE_FIELDS, 'registeredOn', 'household'],
  family: [...COMMON_CERTIFICATE_FIELDS, 'registeredOn', 'household'],
  actual_residence_family: [...COMMON_CERTIFICATE_FIELDS, 'household', 'bodyCertificate'],
  breadwinner_cohabitation: [...COMMON_CERTIFICATE_FIELDS, 'deceased.genitive', 'deceased.deathDate', 'kinship', 'kinshipDocument'],
};

export type TemplateKey = string;
export const REFUSAL_TEMPLATE = 'refusal';
export const CERTIFICATION_TEMPLATE = 'certification_inscription';

/** Placeholders a template may use: an issued kind's, the certification inscription's, the refusal's. */
export function placeholdersFor(key: TemplateKey, customKinds: readonly CustomKind[] = []): readonly PlaceholderName[] {
  if (key === REFUSAL_TEMPLATE) return REFUSAL_FIELDS;
  if (key === CERTIFICATION_TEMPLATE) return CERTIFICATION_FIELDS;
  const builtIn = issuedKindFields[key];
  if (builtIn) return builtIn;
  const kind = findKind(key, customKinds);
  return kind?.sort === 'certified' ? CERTIFICATION_FIELDS : CERTIFICATE_FIELDS;
}

/**
 * Code points the bundled PDF font (PT Serif regular, bold, italic) has glyphs for and a certificate
 * may reasonably contain: printable ASCII, no-break space, § « ° », the apostrophe ʼ, Ukrainian and
 * other Cyrillic letters, – —, quotes, … and №. A test checks every range against the font files.
 */
export const printableCodePointRanges: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xa0],
  [0xa7, 0xa7],
  [0xab, 0xab],
  [0xb0, 0xb0],
  [0xbb, 0xbb],
  [0x2bc, 0x2bc],
  [0x401, 0x40c],
  [0x40e, 0x44f],
  [0x451, 0x45c],
  [0x45e, 0x45f],
  [0x490, 0x491],
  [0x2013, 0x2014],
  [0x2018, 0x201a],
  [0x201c, 0x201e],
  [0x2026, 0x2026],
  [0x2116, 0x2116],
];

export function isPrintable(codePoint: number): boolean {
  return printableCodePointRanges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

export type Segment =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'field'; readonly name: PlaceholderName }
  /** `{{він|вона}}`: the word for a man, the word for a woman. */
  | { readonly type: 'gendered'; readonly male: string; readonly female: string };

export interface ParsedTemplate {
  /** One entry per non-empty line: a paragraph. */
  readonly paragraphs: readonly (readonly Segment[])[];
  readonly placeholders: readonly PlaceholderName[];
}

export interface TemplateError {
  messageKey: string;
  params: Record<string, string | number>;
}

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; errors: TemplateError[] };

export const TEMPLATE_MAX_LENGTH = 20_000;
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/;
/** `він|вона`, `зареєстрований|зареєстрована`: two non-empty texts without braces or another bar. */
const GENDERED = /^([^{}|]+)\|([^{}|]+)$/;

function isPlaceholder(name: string): name is PlaceholderName {
  return (allPlaceholders as readonly string[]).includes(name);
}

function characterErrors(line: string, lineNo: number): TemplateError[] {
  const errors: TemplateError[] = [];
  for (const char of line) {
    const code = char.codePointAt(0) ?? 0;
    if (!isPrintable(code)) {
      const shown = code < 0x20 || code === 0x7f ? ' ' : char;
      errors.push({
        messageKey: 'validation.template.unsupportedCharacter',
        params: { char: shown, code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, line: lineNo },
      });
    }
  }
  return errors;
}

type LineParse = { segments: Segment[]; errors: TemplateError[] };

function parseLine(line: string, lineNo: number, allowed: readonly PlaceholderName[]): LineParse {
  const segments: Segment[] = [];
  const errors: TemplateError[] = [];
  let rest = line;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    const text = open === -1 ? rest : rest.slice(0, open);
    if (text.includes('{') || text.includes('}')) {
      return { segments, errors: [...errors, { messageKey: 'validation.template.unbalancedBraces', params: { line: lineNo } }] };
    }
    if (text.length > 0) segments.push({ type: 'text', text });
    if (open === -1) break;
    const close = rest.indexOf('}}', open + 2);
    const name = close === -1 ? '' : rest.slice(open + 2, close).trim();
    const gendered = GENDERED.exec(name);
    if (gendered) {
      const [male, female] = [gendered[1]?.trim() ?? '', gendered[2]?.trim() ?? ''];
      if (male === '' || female === '') return { segments, errors: [...errors, { messageKey: 'validation.template.badAlternative', params: { line: lineNo } }] };
      segments.push({ type: 'gendered', male, female });
      rest = rest.slice(close + 2);
      continue;
    }
    if (name.includes('|')) return { segments, errors: [...errors, { messageKey: 'validation.template.badAlternative', params: { line: lineNo } }] };
    if (close === -1 || !FIELD_NAME.test(name)) {
      return { segments, errors: [...errors, { messageKey: 'validation.template.unbalancedBraces', params: { line: lineNo } }] };
    }
    if (!isPlaceholder(name)) {
      errors.push({ messageKey: 'validation.template.unknownPlaceholder', params: { name: `{{${name}}}`, line: lineNo } });
    } else if (!allowed.includes(name)) {
      errors.push({ messageKey: 'validation.template.placeholderNotAllowed', params: { name: `{{${name}}}`, line: lineNo } });
    } else {
      segments.push({ type: 'field', name });
    }
    rest = rest.slice(close + 2);
  }
  return { segments, errors };
}

function householdErrors(paragraphs: readonly { segments: Segment[]; lineNo: number }[]): TemplateError[] {
  const name = `{{${HOUSEHOLD_MARKER}}}`;
  const withMarker = paragraphs.filter((p) => p.segments.some((s) => s.type === 'field' && s.name === HOUSEHOLD_MARKER));
  const errors = withMarker
    .filter((p) => p.segments.some((s) => !(s.type === 'field' && s.name === HOUSEHOLD_MARKER) && !(s.type === 'text' && s.text.trim() === '')))
    .map((p) => ({ messageKey: 'validation.template.householdNotAlone', params: { name, line: p.lineNo } }));
  const markers = withMarker.flatMap((p) => p.segments.filter((s) => s.type === 'field' && s.name === HOUSEHOLD_MARKER));
  return markers.length > 1 ? [...errors, { messageKey: 'validation.template.householdTwice', params: { name } }] : errors;
}

/** Parses and checks a template; `allowed` is the list for its key (`placeholdersFor`). */
export function parseTemplate(text: string, allowed: readonly PlaceholderName[] = allPlaceholders): ParseResult {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') return { ok: false, errors: [{ messageKey: 'validation.template.empty', params: {} }] };
  if (normalized.length > TEMPLATE_MAX_LENGTH) {
    return { ok: false, errors: [{ messageKey: 'validation.template.tooLong', params: { max: TEMPLATE_MAX_LENGTH } }] };
  }
  const errors: TemplateError[] = [];
  const paragraphs: { segments: Segment[]; lineNo: number }[] = [];
  normalized.split('\n').forEach((line, index) => {
    const lineNo = index + 1;
    errors.push(...characterErrors(line, lineNo));
    const parsed = parseLine(line, lineNo, allowed);
    errors.push(...parsed.errors);
    if (line.trim() !== '') paragraphs.push({ segments: parsed.segments, lineNo });
  });
  errors.push(...householdErrors(paragraphs));
  if (errors.length > 0) return { ok: false, errors };
  const used = paragraphs.flatMap((p) => p.segments.flatMap((s) => (s.type === 'field' ? [s.name] : [])));
  return { ok: true, template: { paragraphs: paragraphs.map((p) => p.segments), placeholders: [...new Set(used)] } };
}

/** Values of placeholders; a value with line breaks becomes several paragraphs. */
export type TemplateValues = Partial<Record<PlaceholderName, string>>;

/** What a text needs besides its values: the gender of the person the document is about, if known. */
export interface RenderGrammar {
  readonly gender?: Gender | undefined;
}

/** `{{він|вона}}` for a man, a woman, or a person whose gender the entry does not record. */
function genderedText(segment: { male: string; female: string }, gender: Gender | undefined): string {
  if (gender === 'male') return segment.male;
  if (gender === 'female') return segment.female;
  return `${segment.male} (${segment.female})`;
}

function segmentText(segment: Segment, values: TemplateValues, grammar: RenderGrammar): string {
  if (segment.type === 'text') return segment.text;
  if (segment.type === 'gendered') return genderedText(segment, grammar.gender);
  return (values[segment.name] ?? '').trim();
}

export interface RenderedBody {
  readonly paragraphs: string[];
  /** Index of the paragraph after which the household table goes (−1: before the first). */
  readonly householdAt?: number;
  /** Placeholders the template uses that had no value. */
  readonly missing: PlaceholderName[];
}

function isHouseholdLine(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.type === 'field' && s.name === HOUSEHOLD_MARKER);
}

function present(values: TemplateValues, name: PlaceholderName): boolean {
  const value = values[name];
  return value !== undefined && value.trim() !== '';
}

/**
 * Renders a template. A paragraph in which every placeholder lacks a value (e.g. «Дата реєстрації:
 * {{registeredOn}}.» with no date) is left out; otherwise a missing value prints as nothing. Either
 * way it is listed in `missing`, so the desk can warn before printing.
 */
export function renderTemplate(template: ParsedTemplate, values: TemplateValues, grammar: RenderGrammar = {}): RenderedBody {
  const paragraphs: string[] = [];
  const missing = template.placeholders.filter((name) => name !== HOUSEHOLD_MARKER && !present(values, name));
  let householdAt: number | undefined;
  for (const segments of template.paragraphs) {
    if (isHouseholdLine(segments)) {
      if (householdAt === undefined) householdAt = paragraphs.length - 1;
      continue;
    }
    const fields = segments.flatMap((s) => (s.type === 'field' ? [s.name] : []));
    if (fields.length > 0 && fields.every((name) => !present(values, name))) continue;
    const text = segments.map((segment) => segmentText(segment, values, grammar)).join('');
    paragraphs.push(...text.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  }
  return { paragraphs, ...(householdAt !== undefined ? { householdAt } : {}), missing };
}

/**
 * R7.2: a combined certificate prints each kind's body in order under one header. What every part
 * says alike (the grounds, the purpose) is printed once, at the end; the one household table goes
 * where the last part that lists the household puts it (for registration + family: after «склад
 * сімʼї становить:»).
 */
export function renderCombined(
  parts: readonly { template: ParsedTemplate; kindTitle: string }[],
  values: TemplateValues,
  grammar: RenderGrammar = {},
): RenderedBody {
  const bodies = parts.map((part) => renderTemplate(part.template, { ...values, 'kind.title': part.kindTitle }, grammar));
  const shared = bodies.length > 1 ? sharedParagraphs(bodies) : new Set<string>();
  const paragraphs: string[] = [];
  let householdAt: number | undefined;
  for (const body of bodies) {
    if (body.householdAt === -1) householdAt = paragraphs.length - 1;
    body.paragraphs.forEach((paragraph, index) => {
      if (!shared.has(paragraph)) paragraphs.push(paragraph);
      if (index === body.householdAt) householdAt = paragraphs.length - 1;
    });
  }
  paragraphs.push(...[...shared]);
  const missing = [...new Set(bodies.flatMap((body) => body.missing))];
  return { paragraphs, ...(householdAt !== undefined ? { householdAt } : {}), missing };
}

/** Paragraphs every part prints word for word, in the order of the first part. */
function sharedParagraphs(bodies: readonly RenderedBody[]): Set<string> {
  const [first, ...rest] = bodies;
  return new Set(first?.paragraphs.filter((paragraph) => rest.every((body) => body.paragraphs.includes(paragraph))) ?? []);
}
