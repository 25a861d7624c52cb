import type { printingChannels } from '../../../shared/contract/channels/documents.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { IssuingService } from '../issuing.js';
import type { JobRegistry } from '../jobs.js';
import type { PdfFile, PrintingService } from '../printing.js';
import { signedIn } from './auth.js';

const asFile = ({ fileName, pdf }: PdfFile) => ({ fileName, pdfBase64: pdf.toString('base64') });

export function printingHandlers(printing: PrintingService, issuing: IssuingService, jobs: JobRegistry): HandlerMap<typeof printingChannels> {
  return {
    'documents.render': async (input, ctx) => asFile(await printing.entryDocument(signedIn(ctx), input)),
    'documents.preview': async (input, ctx) => {
      const user = signedIn(ctx);
      const content = await issuing.previewCertificate(user, input);
      return { pdfBase64: (await printing.previewCertificate(content, user)).toString('base64') };
    },
    // Thousands of rows take seconds: a job the window follows and may stop.
    'documents.journalPages': async (input, ctx) => {
      const user = signedIn(ctx);
      return jobs.start({
        kind: 'journalPages',
        owner: { userId: user.userId, sessionKey: ctx.sessionKey },
        firstStage: 'reading',
        run: async (report, signal) =>
          asFile(await printing.journalPages(user, input, { signal, onProgress: (stage, done, total) => report({ stage, done, total }) })),
      });
    },
    'documents.calibration': async () => asFile(await printing.calibration()),
  };
}
