import { DeskError } from '../../../../shared/contract/errors.js';
import { EXCHANGE_UPLOAD_MAX_BYTES } from '../../../../shared/contract/channels/exchange.js';
import { downloadBlob } from '../../components/pdf.js';

/** The command that imports a file too large for the window, when there is one. */
export type ImportCommand = 'import-bundle' | 'import-updates';

/**
 * A chosen file as base64 for the bridge (request bodies are limited to 1 MB). A larger file is
 * refused here, before anything is sent, with the exact command that imports it instead.
 */
export async function readFileAsBase64(file: File, command?: ImportCommand): Promise<string> {
  if (file.size > EXCHANGE_UPLOAD_MAX_BYTES) throw tooLargeForWindow(file, command);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

function tooLargeForWindow(file: File, command: ImportCommand | undefined): DeskError {
  const limit = Math.floor(EXCHANGE_UPLOAD_MAX_BYTES / 1024);
  if (!command) return new DeskError('invalid_input', 'errors.exchange.tooLargeFile', { limit });
  return new DeskError('invalid_input', 'errors.exchange.tooLarge', { file: file.name, size: Math.ceil(file.size / 1024), limit, command });
}

/** Saves a package that came back from main through the browser's download (the shell asks where). */
export function downloadPackage(dataBase64: string, fileName: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  downloadBlob(new Blob([bytes], { type: 'application/octet-stream' }), fileName);
}
