import QRCode from 'qrcode';
import type { Doc } from './pdf-base.js';

/**
 * Draws a QR code as vector squares (no raster image): crisp at any printer resolution and
 * tiny in the file. Runs of dark modules in a row are merged into one rectangle.
 */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const module = size / count;
  doc.save().fillColor('black');
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      doc.rect(x + start * module, y + row * module, (col - start) * module, module);
    }
  }
  doc.fill();
  doc.restore();
}
