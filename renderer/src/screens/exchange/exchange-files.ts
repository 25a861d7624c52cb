import { DeskError } from '../../../../shared/contract/errors.js';
import { EXCHANGE_UPLOAD_MAX_BYTES } from '../../../../shared/contract/channels/exchange.js';
import { downloadBlob } from '../../components/pdf.js';

/**
 * A chosen file as base64 for the bridge (request bodies are limited to 1 MB). A larger file is
 * refused here, with the message that points to the command line, before anything is sent.
 */
export async function readFileAsBase64(file: File): Promise<string> {
  if (file.size > EXCHANGE_UPLOAD_MAX_BYTES) throw new DeskError('invalid_input', 'errors.exchange.tooLarge');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

/** Saves a package that came back from main through the browser's download (the shell asks where). */
export function downloadPackage(dataBase64: string, fileName: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  downloadBlob(new Blob([bytes], { type: 'application/octet-stream' }), fileName);
}
