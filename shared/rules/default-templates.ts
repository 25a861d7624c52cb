import { catalogue } from './catalogue.js';
import { GROUNDS, PURPOSE } from './kinds/template-parts.js';
import { CERTIFICATION_TEMPLATE, REFUSAL_TEMPLATE } from './templates.js';

/**
 * Default texts of the printed documents (R7.3: the forms of Appendix 5 do not survive in the
 * regulation, so the council edits these templates; every printed document records the version
 * it used). Written from what each kind states (R7.1) in the usual wording of
 * Ukrainian municipal certificates. The header (council, number, date), the title, the household
 * table, the signatory and the seal are laid out by the PDF code around this body.
 */

export interface DefaultTemplate {
  readonly version: 1;
  readonly text: string;
}

/** R7.5, R7.8, R7.9: the inscription the administrator puts on a body's certificate. */
const certificationInscription = [
  'Підпис {{signer.roleGenitive}} {{body.typeGenitive}} «{{body.name}}» ({{signer.name}}) на довідці від {{certificateDate}} «{{kind.title}}», виданій гр. {{subject.dative}}, засвідчую.',
].join('\n');

/** R7.4, R7.6, R7.16: the body of a refusal notice; grounds are numbered lines. */
const refusalNotice = [
  'Гр. {{subject.dative}}, адреса: {{address}}.',
  'Повідомляємо, що у {{requested.action}} ({{requested}}) відмовлено з таких підстав:',
  '{{refusal.grounds}}',
  '{{referral}}',
  'Після усунення зазначених причин Ви можете звернутися повторно.',
].join('\n');

/**
 * Texts earlier releases seeded as version 1 of a kind. A register whose latest version of a kind
 * is still one of these, unedited, gets the current default as its next version (old entries keep
 * printing with the version they recorded); a text the council wrote itself is never replaced.
 */
export const retiredDefaultTexts: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  catalogue.filter((kind) => kind.retiredTemplates?.length).map((kind) => [kind.id, kind.retiredTemplates ?? []]),
);

function builtInDefaults(): Record<string, DefaultTemplate> {
  const defaults: Record<string, DefaultTemplate> = {
    [CERTIFICATION_TEMPLATE]: { version: 1, text: certificationInscription },
    [REFUSAL_TEMPLATE]: { version: 1, text: refusalNotice },
  };
  for (const kind of catalogue) {
    // Certified kinds print only the inscription: the body's own certificate is the document.
    const text = kind.sort === 'issued' ? kind.defaultTemplate : certificationInscription;
    if (text !== undefined) defaults[kind.id] = { version: 1, text };
  }
  return defaults;
}

/** Default template of every catalogue kind, the certification inscription and the refusal notice. */
export const defaultTemplates: Readonly<Record<string, DefaultTemplate>> = builtInDefaults();

/** A starting text for a kind added by decision (R7.15), before the head of department edits it. */
export const customIssuedTemplate: DefaultTemplate = {
  version: 1,
  text: [
    'Видана гр. {{subject.dative}}[[, {{subject.birthDate}} р. н.]], в тому, що {{він|вона}} {{зареєстрований|зареєстрована}} за адресою: {{address}}.',
    GROUNDS,
    PURPOSE,
  ].join('\n'),
};
