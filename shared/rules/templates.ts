import type { Gender } from '../domain/person.js';
import { findKind, type CustomKind } from './catalogue.js';

/**
 * The template engine of printed documents (R7.3: the council's forms are editable templates with
 * sound defaults, each versioned). A template is Ukrainian text; each non-empty line is one
 * paragraph; `{{name}}` is a placeholder; `{{household}}` on a line of its own marks where the
 * household table goes; `{{він|вона}}` prints the first word for a man and the second for a woman,
 * as the person the document is about (both, «він (вона)», only for an old entry that does not
 * say); `{{deceased:помер|померла}}` and `{{signer:…|…}}` follow the deceased's or the signer's
 * gender instead. `[[, {{subject.birthDate}} р. н.]]` is a clause printed only when every
 * placeholder in it has a value, so missing optional data never leaves «Романівні, р. н.,».
 * Saving a template runs `parseTemplate`, which rejects unknown placeholders, unbalanced braces
 * and characters the PDF font cannot print.
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

export type TemplateKey = string;
export const REFUSAL_TEMPLATE = 'refusal';
export const CERTIFICATION_TEMPLATE = 'certification_inscription';

/** Placeholders a template may use: an issued kind's, the certification inscription's, the refusal's. */
export function placeholdersFor(key: TemplateKey, customKinds: readonly CustomKind[] = []): readonly PlaceholderName[] {
  if (key === REFUSAL_TEMPLATE) return REFUSAL_FIELDS;
  if (key === CERTIFICATION_TEMPLATE) return CERTIFICATION_FIELDS;
  const kind = findKind(key, customKinds);
  if (kind?.sort === 'certified') return CERTIFICATION_FIELDS;
  // A built-in kind states what its certificate says (R7.1); one added by decision (R7.15) may say anything.
  return kind?.placeholders ? [...COMMON_CERTIFICATE_FIELDS, ...kind.placeholders] : CERTIFICATE_FIELDS;
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

/** Whose gender a `{{…|…}}` choice follows: the person the document is about, the deceased, the signer. */
export const grammarPersons = ['subject', 'deceased', 'signer'] as const;
export type GrammarPerson = (typeof grammarPersons)[number];

export type Segment =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'field'; readonly name: PlaceholderName }
  /** `{{він|вона}}`: the word for a man, the word for a woman, of `person`. */
  | { readonly type: 'gendered'; readonly person: GrammarPerson; readonly male: string; readonly female: string }
  /** `[[…]]`: printed only when every placeholder inside has a value. */
  | { readonly type: 'optional'; readonly segments: readonly Segment[] };

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
/**
 * `він|вона`, `deceased:помер|померла`: an optional person, then two non-empty texts without
 * braces or another bar.
 */
const GENDERED = /^(?:(subject|deceased|signer)\s*:)?([^{}|:]+)\|([^{}|]+)$/;

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

function parseChunk(line: string, lineNo: number, allowed: readonly PlaceholderName[]): LineParse {
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
      const person = (gendered[1] ?? 'subject') as GrammarPerson;
      const [male, female] = [gendered[2]?.trim() ?? '', gendered[3]?.trim() ?? ''];
      if (male === '' || female === '') return { segments, errors: [...errors, { messageKey: 'validation.template.badAlternative', params: { line: lineNo } }] };
      segments.push({ type: 'gendered', person, male, female });
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

const OPTIONAL_MARK = /(\[\[|\]\])/;

/** A line: text and placeholders, with `[[…]]` clauses (never nested) parsed as their own segments. */
function parseLine(line: string, lineNo: number, allowed: readonly PlaceholderName[]): LineParse {
  const segments: Segment[] = [];
  const errors: TemplateError[] = [];
  let inside = false;
  for (const piece of line.split(OPTIONAL_MARK)) {
    if (piece === '[[' || piece === ']]') {
      if ((piece === '[[') === inside) return { segments, errors: [...errors, { messageKey: 'validation.template.unbalancedClause', params: { line: lineNo } }] };
      inside = !inside;
      continue;
    }
    const parsed = parseChunk(piece, lineNo, allowed);
    errors.push(...parsed.errors);
    if (inside) segments.push({ type: 'optional', segments: parsed.segments });
    else segments.push(...parsed.segments);
  }
  if (inside) errors.push({ messageKey: 'validation.template.unbalancedClause', params: { line: lineNo } });
  return { segments, errors };
}

/** Placeholders of segments, those inside `[[…]]` clauses included. */
function fieldsOf(segments: readonly Segment[]): PlaceholderName[] {
  return segments.flatMap((s) => (s.type === 'field' ? [s.name] : s.type === 'optional' ? fieldsOf(s.segments) : []));
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
  const used = paragraphs.flatMap((p) => fieldsOf(p.segments));
  return { ok: true, template: { paragraphs: paragraphs.map((p) => p.segments), placeholders: [...new Set(used)] } };
}

/** Values of placeholders; a value with line breaks becomes several paragraphs. */
export type TemplateValues = Partial<Record<PlaceholderName, string>>;

/**
 * What a text needs besides its values: the genders of the people it speaks of, when known — the
 * person the document is about (`gender`), the deceased breadwinner, the signer of a body's
 * certificate.
 */
export interface RenderGrammar {
  readonly gender?: Gender | undefined;
  readonly deceased?: Gender | undefined;
  readonly signer?: Gender | undefined;
}

function genderOf(person: GrammarPerson, grammar: RenderGrammar): Gender | undefined {
  return person === 'subject' ? grammar.gender : grammar[person];
}

/** `{{він|вона}}` for a man, a woman, or (an entry made before genders were kept) both. */
function genderedText(segment: { male: string; female: string }, gender: Gender | undefined): string {
  if (gender === 'male') return segment.male;
  if (gender === 'female') return segment.female;
  return `${segment.male} (${segment.female})`;
}

function segmentText(segment: Segment, values: TemplateValues, grammar: RenderGrammar): string {
  switch (segment.type) {
    case 'text':
      return segment.text;
    case 'gendered':
      return genderedText(segment, genderOf(segment.person, grammar));
    case 'field':
      return (values[segment.name] ?? '').trim();
    case 'optional':
      return fieldsOf(segment.segments).every((name) => present(values, name))
        ? segment.segments.map((inner) => segmentText(inner, values, grammar)).join('')
        : '';
  }
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
    const fields = fieldsOf(segments);
    if (fields.length > 0 && fields.every((name) => !present(values, name))) continue;
    const text = segments.map((segment) => segmentText(segment, values, grammar)).join('');
    paragraphs.push(...text.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  }
  return { paragraphs, ...(householdAt !== undefined ? { householdAt } : {}), missing };
}

/**
 * R7.2: a combined certificate prints each kind's body in order under one header, addressed once.
 * What every part says alike at its end (the grounds, the purpose) is printed once, at the end; a
 * paragraph printed already is not printed again; and a later part that opens with the same
 * «Видана гр. …, в тому, що» as the first goes on from its statement («Він фактично проживає …»).
 * The one household table goes where the last part that lists the household puts it (for
 * registration + family: after «Склад його сімʼї становить:»).
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
  bodies.forEach((body, bodyIndex) => {
    if (body.householdAt === -1) householdAt = paragraphs.length - 1;
    body.paragraphs.forEach((paragraph, index) => {
      const text = bodyIndex > 0 && index === 0 ? withoutRepeatedLead(paragraph, paragraphs[0]) : paragraph;
      if (!shared.has(paragraph) && !paragraphs.includes(text)) paragraphs.push(text);
      if (index === body.householdAt) householdAt = paragraphs.length - 1;
    });
  });
  paragraphs.push(...[...shared]);
  const missing = [...new Set(bodies.flatMap((body) => body.missing))];
  return { paragraphs, ...(householdAt !== undefined ? { householdAt } : {}), missing };
}

const STATEMENT_LEAD = 'в тому, що ';

/** «Видана гр. X, … в тому, що він фактично проживає …» after the same lead → «Він фактично проживає …». */
function withoutRepeatedLead(paragraph: string, first: string | undefined): string {
  const end = paragraph.indexOf(STATEMENT_LEAD);
  if (first === undefined || end <= 0 || paragraph === first) return paragraph;
  const lead = paragraph.slice(0, end + STATEMENT_LEAD.length);
  if (!first.startsWith(lead)) return paragraph;
  const rest = paragraph.slice(lead.length);
  return rest.charAt(0).toLocaleUpperCase('uk') + rest.slice(1);
}

/** Paragraphs every part prints word for word at its end, in the order of the first part. */
function sharedParagraphs(bodies: readonly RenderedBody[]): Set<string> {
  const [first, ...rest] = bodies;
  const common = (first?.paragraphs ?? []).filter((paragraph) => rest.every((body) => body.paragraphs.includes(paragraph)));
  // A common opening (the same «Видана гр. …» statement) stays where it is; only a common tail moves.
  const tail: string[] = [];
  for (const paragraph of (first?.paragraphs ?? []).slice(1).reverse()) {
    if (!common.includes(paragraph)) break;
    tail.unshift(paragraph);
  }
  return new Set(tail);
}
