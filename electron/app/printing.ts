import { DeskError } from '../../shared/contract/errors.js';
import type { CertificateContent, EntryRecord } from '../../shared/domain/entry.js';
import { findKind, type CustomKind } from '../../shared/rules/catalogue.js';
import { templateValuesFor } from '../../shared/rules/template-values.js';
import { parseTemplate, placeholdersFor, renderCombined, type RenderedBody } from '../../shared/rules/templates.js';
import { buildCalibrationPdf, buildInscriptionOverlayPdf, buildInscriptionSheetPdf } from '../documents/inscription-pdf.js';
import { buildCertificatePdf } from '../documents/certificate-pdf.js';
import { composeCertificate, composeInscription, composeJournalPages, composeRefusal, type ComposeOptions } from '../documents/compose.js';
import { councilHeaderFrom } from '../documents/header.js';
import { buildJournalPdf, type JournalPdfStage } from '../documents/journal-pdf.js';
import type { CouncilHeader } from '../documents/models.js';
import { buildRefusalPdf } from '../documents/refusal-pdf.js';
import { shortCodeFor, stampEntry, type KeyStore } from '../documents/verification.js';
import type { SessionUser } from '../register/services/session.js';
import type { KeysOfRegister } from './key-witness.js';
import { kyivLocalDate } from '../register/kyiv-time.js';
import type { RegisterServices } from '../register/index.js';
import type { TemplatesService } from '../register/services/templates.js';

export interface PrintingDeps {
  readonly register: RegisterServices;
  readonly templates: TemplatesService;
  readonly keyStore: KeyStore;
  /** The one witness check of the desk, shared with verification. */
  readonly keys: KeysOfRegister;
  readonly trainingMode: boolean;
  readonly now: () => Date;
}

export interface JournalPagesInput {
  readonly journalId: string;
  readonly dateFrom: string;
  readonly dateTo: string;
}

/** Progress in rows (total null while the entries are read) and a signal that stops the print. */
export interface JournalPagesWatch {
  readonly onProgress?: (stage: 'reading' | JournalPdfStage, done: number, total: number | null) => void;
  readonly signal?: AbortSignal;
}

export interface PdfFile {
  readonly fileName: string;
  readonly pdf: Buffer;
}

/**
 * Every printed document comes from the register entry and the template versions it recorded, so
 * the same entry always prints the same document (R7.3). The PDF's creation date is the entry's
 * own instant, not the time of printing, for the same reason.
 */
export function createPrintingService(deps: PrintingDeps) {
  async function composeOptions(): Promise<ComposeOptions & { customKinds: CustomKind[] }> {
    const customKinds = await deps.templates.customKinds();
    return { trainingMode: deps.trainingMode, customKinds, kindName: (kind) => findKind(kind, customKinds)?.title };
  }

  async function header(): Promise<CouncilHeader> {
    return councilHeaderFrom(await deps.register.settings.getRequisites());
  }

  /** The body from each kind's recorded template version; combined kinds one after another (R7.2). */
  async function certificateBody(content: CertificateContent, entry: { localDate: string; printedNumber: string }, customKinds: CustomKind[]): Promise<RenderedBody> {
    const parts = await Promise.all(
      content.kinds.map(async (kind) => {
        const version = content.templateVersions[kind];
        if (version === undefined) throw new DeskError('not_found', 'errors.printing.templateMissing', { kind });
        const row = await deps.templates.templateVersion(kind, version);
        const parsed = parseTemplate(row.text, placeholdersFor(kind, customKinds));
        if (!parsed.ok) throw new DeskError('internal', 'errors.printing.templateBroken', { kind, version });
        return { template: parsed.template, kindTitle: findKind(kind, customKinds)?.title ?? kind };
      }),
    );
    const housingSourceSeparate = parts.some((part) => part.template.placeholders.includes('housingSource'));
    const values = templateValuesFor(content, { entryDate: entry.localDate, printedNumber: entry.printedNumber, customKinds, housingSourceSeparate });
    return renderCombined(parts, values, { gender: content.subject.declined.gender, deceased: content.deceased?.gender });
  }

  async function certificatePdf(entry: EntryRecord, stamp: { qrText: string; shortCode: string }): Promise<Buffer> {
    if (entry.content.sort !== 'certificate') throw new DeskError('internal', 'errors.printing.wrongSort');
    const options = await composeOptions();
    const body = await certificateBody(entry.content, entry, options.customKinds);
    const model = composeCertificate(entry, await header(), body, { ...options, verification: stamp });
    return buildCertificatePdf(model, new Date(entry.createdAt));
  }

  async function entryPdf(entry: EntryRecord, placement: 'sheet' | 'overlay'): Promise<Buffer> {
    const createdAt = new Date(entry.createdAt);
    switch (entry.content.sort) {
      case 'certificate':
        return certificateOfEntry(entry);
      case 'certification': {
        const model = composeInscription(entry, await header(), await composeOptions());
        if (placement === 'sheet') return buildInscriptionSheetPdf(model, createdAt);
        const settings = await deps.register.settings.get();
        return buildInscriptionOverlayPdf(model, settings.inscriptionOffset, createdAt);
      }
      case 'refusal':
        return buildRefusalPdf(composeRefusal(entry, await header(), await composeOptions()), createdAt);
    }
  }

  /**
   * A certificate's code is bound in its entry's transaction. An entry issued before that (or by a
   * workstation that could not bind it) gets its code bound here, and only once the document was
   * made: a render that fails writes nothing.
   */
  async function certificateOfEntry(entry: EntryRecord): Promise<Buffer> {
    await keys.assertSame({ record: true });
    deps.keyStore.ensureOfficeKey(entry.officeCode);
    // Read first: a register opened read-only still prints documents whose codes are bound.
    const bound = await deps.register.documentCodes.codeOf(entry.id);
    const pdf = await certificatePdf(entry, stampEntry(entry, deps.keyStore));
    if (bound === undefined) await deps.register.documentCodes.bind(entry.id, shortCodeFor(entry.id, deps.keyStore.shortCodeSecret()));
    return pdf;
  }

  const keys = deps.keys;

  function fileNameOf(entry: EntryRecord): string {
    const kind = { certificate: 'dovidka', certification: 'posvidchennia', refusal: 'vidmova' }[entry.sort];
    return `${kind}-${entry.printedNumber.replace(/[^0-9A-Za-z-]+/g, '_')}.pdf`;
  }

  return {
    /**
     * What binds a new certificate's short verification code in its entry's own transaction, or
     * nothing when this workstation's keys are not the register's: its codes would not verify,
     * and a workstation with the office's keys binds the code when it prints the entry.
     */
    async verificationCodeBinder(officeCode: string): Promise<((entryId: string) => string) | undefined> {
      if ((await keys.verdict({ record: true })) === 'different') return undefined;
      deps.keyStore.ensureOfficeKey(officeCode);
      const secret = deps.keyStore.shortCodeSecret();
      return (entryId) => shortCodeFor(entryId, secret);
    },

    async entryDocument(user: SessionUser, input: { entryId: string; placement?: 'sheet' | 'overlay' | undefined }): Promise<PdfFile> {
      const entry = await deps.register.entries.getEntry(user, input.entryId);
      const pdf = await entryPdf(entry, input.placement ?? 'sheet');
      await deps.register.audit.record({ userId: user.userId, action: 'document.print', entity: 'entry', entityId: entry.id, summary: entry.printedNumber });
      return { fileName: fileNameOf(entry), pdf };
    },

    /** A draft, never numbered: the preview says «ПРОЄКТ» where the number goes and carries no valid code. */
    async previewCertificate(content: CertificateContent, user: SessionUser): Promise<Buffer> {
      const at = deps.now();
      const draft: EntryRecord = {
        id: '00000000-0000-7000-8000-000000000000',
        journalId: '',
        journalIndex: '',
        officeId: user.officeId,
        officeCode: 'DRAFT',
        year: at.getUTCFullYear(),
        number: 1,
        printedNumber: 'ПРОЄКТ',
        sort: 'certificate',
        kinds: content.kinds,
        createdAt: at.toISOString(),
        localDate: kyivLocalDate(at),
        createdBy: { userId: user.userId, fullName: user.fullName },
        content,
        prevHash: '',
        hash: '',
        status: 'issued',
      };
      return certificatePdf(draft, { qrText: 'ПРОЄКТ — НЕ Є ДОКУМЕНТОМ', shortCode: 'ПРОЄКТ' });
    },

    /**
     * Journal pages for signing; `watch` reports the stages ('reading', then rows laid out and
     * drawn) and its signal stops the work between steps, discarding what was made. The print is
     * audited only once the pages exist.
     */
    async journalPages(user: SessionUser, input: JournalPagesInput, watch: JournalPagesWatch = {}): Promise<PdfFile> {
      if (input.dateFrom > input.dateTo) throw new DeskError('invalid_input', 'errors.printing.badRange');
      watch.onProgress?.('reading', 0, null);
      const journal = await deps.register.journals.get(user, input.journalId);
      const entries = await deps.register.journals.pageEntries(user, input);
      const requisites = await deps.register.settings.getRequisites();
      const model = composeJournalPages(entries, journal, { from: input.dateFrom, to: input.dateTo }, requisites.councilName, await composeOptions());
      watch.signal?.throwIfAborted();
      const pdf = await buildJournalPdf(model, deps.now(), {
        onProgress: (stage, done, total) => watch.onProgress?.(stage, done, total),
        ...(watch.signal ? { signal: watch.signal } : {}),
      });
      watch.signal?.throwIfAborted();
      await deps.register.journals.pagesPrinted(user, input, entries.length);
      const safeIndex = journal.index.replace(/[^0-9A-Za-z-]+/g, '_');
      return { fileName: `zhurnal-${safeIndex}-${input.dateFrom}-${input.dateTo}.pdf`, pdf };
    },

    async calibration(): Promise<PdfFile> {
      return { fileName: 'kalibruvannia.pdf', pdf: await buildCalibrationPdf(deps.now()) };
    },
  };
}

export type PrintingService = ReturnType<typeof createPrintingService>;
