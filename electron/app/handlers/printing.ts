import type { printingChannels } from '../../../shared/contract/channels/printing.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { IssuingService } from '../issuing.js';
import type { PdfFile, PrintingService } from '../printing.js';
import { signedIn } from './auth.js';

const asFile = ({ fileName, pdf }: PdfFile) => ({ fileName, pdfBase64: pdf.toString('base64') });

export function printingHandlers(printing: PrintingService, issuing: IssuingService): HandlerMap<typeof printingChannels> {
  return {
    'documents.render': async (input, ctx) => asFile(await printing.entryDocument(signedIn(ctx), input)),
    'documents.preview': async (input, ctx) => {
      const user = signedIn(ctx);
      const content = await issuing.previewCertificate(user, input);
      return { pdfBase64: (await printing.previewCertificate(content, user)).toString('base64') };
    },
    'documents.journalPages': async (input, ctx) => asFile(await printing.journalPages(signedIn(ctx), input)),
    'documents.calibration': async () => asFile(await printing.calibration()),
  };
}
