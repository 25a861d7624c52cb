import type { reportsChannels } from '../../../shared/contract/channels/reports.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import { reportFileName, reportWorkbook } from '../../reports/xlsx.js';

export interface ReportsDeps {
  readonly now: () => Date;
}

export function reportsHandlers({ now }: ReportsDeps): HandlerMap<typeof reportsChannels> {
  return {
    'reports.exportXlsx': async (table) => ({
      fileName: reportFileName(table),
      dataBase64: (await reportWorkbook(table, now())).toString('base64'),
    }),
  };
}
