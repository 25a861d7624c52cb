import type { z } from 'zod';
import type {
  certificateDraftSchema,
  certificationDraftSchema,
  certifyInputSchema,
  issueCertificateInputSchema,
  refuseInputSchema,
} from '../../shared/contract/channels/entries.js';
import { DeskError } from '../../shared/contract/errors.js';
import type { Journal } from '../../shared/domain/directories-core.js';
import type { Signatory } from '../../shared/domain/directories.js';
import {
  certificateContentSchema,
  certificationContentSchema,
  refusalContentSchema,
  type CertificateContent,
  type CertificationContent,
  type EntryRecord,
  type SignatorySnapshot,
  type Subject,
} from '../../shared/domain/entry.js';
import type { Address, Gender, IsoDate, PersonName } from '../../shared/domain/person.js';
import type { CustomKind } from '../../shared/rules/catalogue.js';
import { assertCertifiable, evaluateCertification } from '../../shared/rules/certification.js';
import { assertIssuable, birthDateObstacle, declensionObstacle, evaluateCertificate } from '../../shared/rules/checklist.js';
import { refusalDraft } from '../../shared/rules/refusal.js';
import { refusalGroundProblems, type ChosenRefusalGround, type RefusalPath } from '../../shared/rules/refusal-grounds.js';
import type { Decliner } from '../declension/decliner.js';
import { signatureName } from '../documents/format.js';
import type { SessionUser } from '../register/services/session.js';
import type { RegisterServices } from '../register/index.js';
import { kyivLocalDate } from '../register/kyiv-time.js';
import { printedSettlement, type DirectoriesService } from '../register/services/directories.js';
import type { TemplatesService } from '../register/services/templates.js';

export interface IssuingDeps {
  readonly register: RegisterServices;
  readonly directories: DirectoriesService;
  readonly templates: TemplatesService;
  readonly decliner: Decliner;
  readonly now: () => Date;
  /**
   * What gives a new certificate of an office its short verification code, bound in the entry's
   * transaction; undefined when this workstation cannot make codes the register would verify.
   */
  readonly verificationCodeBinder: (officeCode: string) => Promise<((entryId: string) => string) | undefined>;
  /**
   * One writer per journal: a remote office's journal is written only at that office and reaches
   * the centre in bundles; writing it anywhere else would fork its numbering and hash chain.
   */
  readonly journalWritableHere: (officeId: string) => Promise<boolean>;
}

type ParsedCertificateDraft = z.output<typeof certificateDraftSchema>;
type ParsedCertificationDraft = z.output<typeof certificationDraftSchema>;
type RefuseInput = z.output<typeof refuseInputSchema>;
type IssueCertificateInput = z.output<typeof issueCertificateInputSchema>;
type CertifyInput = z.output<typeof certifyInputSchema>;

/**
 * Issuing, certifying and refusing: the rules of the regulation enforced in the main process,
 * whatever the renderer showed. Every decision is re-derived here from the submitted facts and
 * documents (R7.4, R7.6), the signatory and seal come from the directory (R7.10, R7.13), and the
 * declined names are recomputed unless the administrator corrected them by hand.
 */
export function createIssuingService(deps: IssuingDeps) {
  const today = (): IsoDate => kyivLocalDate(deps.now());

  const customKinds = () => deps.templates.customKinds();

  /** R7.10 / R7.13: the signatory and the seal are chosen per document, among those valid today. */
  async function signatorySnapshot(signatoryId: string, officeId: string): Promise<SignatorySnapshot> {
    const valid = await deps.directories.listSignatories({ onDate: today() });
    const chosen = valid.find((s: Signatory) => s.id === signatoryId && (!s.officeId || s.officeId === officeId));
    if (!chosen) throw new DeskError('not_found', 'errors.issuing.signatoryUnavailable');
    // ДСТУ 4163:2020: the signature line reads «Оксана КОВАЛЬ» whatever shape the directory holds.
    return { signatoryId: chosen.id, position: chosen.position, fullName: signatureName(chosen.fullName), seal: chosen.seal, sealName: chosen.sealName };
  }

  async function templateVersionOf(kindId: string): Promise<number> {
    return (await deps.templates.currentTemplate(kindId)).version;
  }

  /**
   * Forms the administrator did not correct are recomputed here, so a page cannot print anything it
   * likes. A name whose gender neither it nor the administrator told keeps no gender: the gate
   * (`judgeIssue`, the same judgement the form shows) refuses it.
   */
  async function checkedDeclension(subject: Subject): Promise<Subject> {
    if (subject.declined.corrected) return subject;
    // The name decides the gender whenever it can; the administrator's choice counts only when
    // it cannot («Бойко Саша»), so a choice left over from another name changes nothing.
    const detected = await deps.decliner.decline(subject.name);
    const chosen = subject.declined.gender;
    const forms = detected.gender === null && chosen ? await deps.decliner.decline(subject.name, chosen) : detected;
    return {
      ...subject,
      declined: { nominative: forms.nominative, dative: forms.dative, genitive: forms.genitive, corrected: false, ...(forms.gender ? { gender: forms.gender } : {}) },
    };
  }

  /** The gender the name tells, or the administrator's choice when it cannot; undefined when neither. */
  async function genderOf(name: PersonName, chosen: Gender | undefined): Promise<{ gender: Gender; genitive: string } | undefined> {
    const detected = await deps.decliner.decline(name);
    const forms = detected.gender === null && chosen ? await deps.decliner.decline(name, chosen) : detected;
    return forms.gender === null ? undefined : { gender: forms.gender, genitive: forms.genitive };
  }

  /** «Городок» → «м. Городок»: the settlement printed with its kind from the directory. */
  async function printedAddress(address: Address): Promise<Address> {
    return { ...address, settlement: printedSettlement(address.settlement, await deps.directories.listSettlements()) };
  }

  /**
   * R7.1.4: the deceased's gender (for «який помер» / «яка померла») and one kinship document —
   * the one ticked in the documents — so the form's choice and the printed one cannot differ.
   */
  async function checkedDeceased(draft: ParsedCertificateDraft): Promise<ParsedCertificateDraft['deceased']> {
    const { deceased } = draft;
    if (!deceased) return undefined;
    const forms = await genderOf(deceased.name, deceased.gender);
    const ticked = draft.documents.find((doc) => doc.requirementId === 'kinship_document')?.type;
    const { gender: _claimed, ...rest } = deceased;
    return { ...rest, ...(forms ? { gender: forms.gender } : {}), kinshipDocument: ticked ?? deceased.kinshipDocument };
  }

  /** The signer of a body's certificate in the genitive («Підпис … В. П. Бондаря засвідчую»). */
  async function checkedSigner(signer: ParsedCertificationDraft['signer']): Promise<ParsedCertificationDraft['signer']> {
    const { gender: chosen, declinedGenitive: _sent, ...rest } = signer;
    const forms = await genderOf(signer.name, chosen);
    return forms ? { ...rest, gender: forms.gender, declinedGenitive: forms.genitive } : rest;
  }

  function checkBirthDates(dates: readonly (string | undefined)[]): void {
    const obstacle = birthDateObstacle(dates, today());
    if (obstacle) throw obstacle;
  }

  async function buildCertificate(draft: ParsedCertificateDraft, signatory: SignatorySnapshot): Promise<CertificateContent> {
    checkBirthDates([draft.subject.birthDate, ...draft.household.map((member) => member.birthDate)]);
    const versions = await Promise.all(draft.kinds.map(async (kind) => [kind, await templateVersionOf(kind)] as const));
    const deceased = await checkedDeceased(draft);
    return certificateContentSchema.parse({
      ...draft,
      sort: 'certificate',
      address: await printedAddress(draft.address),
      ...(deceased ? { deceased } : {}),
      subject: await checkedDeclension(draft.subject),
      signatory,
      templateVersions: Object.fromEntries(versions),
    });
  }

  async function buildCertification(draft: ParsedCertificationDraft, signatory: SignatorySnapshot): Promise<CertificationContent> {
    const { bodyId, ...rest } = draft;
    const { body } = await deps.directories.getBody(bodyId);
    const subject = await checkedDeclension(draft.subject);
    const genderless = declensionObstacle(subject.declined);
    if (genderless) throw genderless;
    return certificationContentSchema.parse({
      ...rest,
      sort: 'certification',
      address: await printedAddress(draft.address),
      signer: await checkedSigner(draft.signer),
      subject,
      body: { type: body.type, bodyId: body.id, name: body.name, hasSeal: body.hasSeal },
      signatory,
      templateVersion: await templateVersionOf('certification_inscription'),
    });
  }

  async function journalHere(user: SessionUser, journalId: string): Promise<Journal> {
    const journals = await deps.register.journals.list(user);
    const journal = journals.find((j) => j.id === journalId);
    if (!journal) throw new DeskError('not_found', 'errors.journals.notFound');
    if (!(await deps.journalWritableHere(journal.officeId))) throw new DeskError('read_only', 'errors.issuing.journalOwnedElsewhere');
    return journal;
  }

  async function officeOfJournal(user: SessionUser, journalId: string): Promise<string> {
    return (await journalHere(user, journalId)).officeId;
  }

  return {
    /** The content a draft would be registered with, for the live preview; nothing is written. */
    async previewCertificate(user: SessionUser, input: { journalId: string; signatoryId: string; certificate: ParsedCertificateDraft }): Promise<CertificateContent> {
      const signatory = await signatorySnapshot(input.signatoryId, await officeOfJournal(user, input.journalId));
      return buildCertificate(input.certificate, signatory);
    },

    async issueCertificate(
      user: SessionUser,
      input: IssueCertificateInput,
    ): Promise<EntryRecord> {
      const journal = await journalHere(user, input.journalId);
      const signatory = await signatorySnapshot(input.signatoryId, journal.officeId);
      const content = await buildCertificate(input.certificate, signatory);
      const kinds = await customKinds();
      const documentCode = await deps.verificationCodeBinder(journal.officeCode);
      return deps.register.entries.appendEntry({
        journalId: input.journalId,
        content,
        user,
        // R7.4: nothing is issued while a required document is missing, whatever the page showed;
        // the same judgement (`judgeIssue`) the form shows before «Видати».
        gate: (written) => void assertIssuable(written as CertificateContent, { today: today(), customKinds: kinds }),
        // Section E: issued anew in place of an annulled entry, linked in the same transaction.
        replaces: input.replacesEntryId,
        submissionKey: input.submissionKey,
        documentCode,
      });
    },

    async certify(user: SessionUser, input: CertifyInput): Promise<EntryRecord> {
      const signatory = await signatorySnapshot(input.signatoryId, await officeOfJournal(user, input.journalId));
      const content = await buildCertification(input.certification, signatory);
      const history = await deps.directories.bodyHistory(input.certification.bodyId);
      const kinds = await customKinds();
      return deps.register.entries.appendEntry({
        journalId: input.journalId,
        content,
        user,
        // R7.5, R7.6: signer on the certificate's date, its date, seal and data match, re-checked here.
        gate: (written) => void assertCertifiable(written as CertificationContent, history, { today: today(), customKinds: kinds }),
        submissionKey: input.submissionKey,
      });
    },

    async refuse(user: SessionUser, input: RefuseInput): Promise<EntryRecord> {
      // R7.4, R7.6: only grounds of the action's own list, each with the words it needs, whatever the page sent.
      assertRefusalGrounds(input.request.sort, input.grounds);
      const signatory = await signatorySnapshot(input.signatoryId, await officeOfJournal(user, input.journalId));
      const kinds = await customKinds();
      const options = { today: today(), customKinds: kinds };
      const requisites = await deps.register.settings.getRequisites();
      const asked = await requestedCase(input, signatory, options);
      // The notice names the person too: a name whose gender is not told is asked for first, as on issuing.
      const genderless = declensionObstacle(asked.content.subject.declined);
      if (genderless) throw genderless;
      const { grounds, referral } = refusalDraft(input.grounds, { registerDepartment: requisites.registerDepartment });
      const content = refusalContentSchema.parse({
        sort: 'refusal',
        requested: { sort: input.request.sort, kinds: asked.kinds },
        subject: asked.content.subject,
        address: asked.content.address,
        applicant: asked.content.applicant,
        grounds,
        ...(referral ? { referral } : {}),
        facts: asked.content.facts,
        documents: asked.content.documents,
        signatory,
        templateVersion: await templateVersionOf('refusal'),
      });
      return deps.register.entries.appendEntry({ journalId: input.journalId, content, user, gate: () => undefined, submissionKey: input.submissionKey });
    },
  };

  async function requestedCase(input: RefuseInput, signatory: SignatorySnapshot, options: { today: IsoDate; customKinds: CustomKind[] }) {
    if (input.request.sort === 'certificate') {
      const content = await buildCertificate(input.request.certificate, signatory);
      return { content, kinds: content.kinds, verdict: evaluateCertificate(content, options) };
    }
    const draft = input.request.certification;
    const content = await buildCertification(draft, signatory);
    const history = await deps.directories.bodyHistory(draft.bodyId);
    return { content, kinds: [content.kind], verdict: evaluateCertification(content, history, options) };
  }
}

/** The chosen grounds of a refusal, or an `invalid_input` naming each problem at its ground. */
function assertRefusalGrounds(path: RefusalPath, chosen: readonly ChosenRefusalGround[]): void {
  const problems = refusalGroundProblems(path, chosen);
  if (problems.length > 0) throw new DeskError('invalid_input', 'errors.issuing.refusalGrounds', undefined, problems.map((problem) => ({ ...problem })));
}

export type IssuingService = ReturnType<typeof createIssuingService>;
