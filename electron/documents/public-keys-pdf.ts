import { drawParagraph, drawTitle, ensureRoom } from './blocks.js';
import { issuedDocumentArchive } from './archival.js';
import { FOOTER_RESERVE } from './certificate-pdf.js';
import { drawCouncilHeader } from './header.js';
import type { PublicKeysDocModel } from './models.js';
import { createDoc, drawPageNumbers, finish, frameOf, placeLine, useFont } from './pdf-base.js';
import { keyFingerprint, LEGACY_QR_VERSION, type OfficePublicKey, QR_VERSION } from './verification.js';

export function publicKeysModel(header: PublicKeysDocModel['header'], keys: OfficePublicKey[], date: string): PublicKeysDocModel {
  return { header, date, keys: keys.map((key) => ({ ...key, fingerprint: keyFingerprint(key.publicKeyPem) })) };
}

/** The offices' public keys, printable for the council's website so anyone can check a paper offline. */
export async function buildPublicKeysPdf(model: PublicKeysDocModel, createdAt: Date): Promise<Buffer> {
  const title = 'Відкриті ключі для перевірки довідок';
  const archive = issuedDocumentArchive(model.header, `Відкриті ключі станом на ${model.date}`, model.date, []);
  const doc = createDoc({ layout: 'portrait', footerReserve: FOOTER_RESERVE, title, createdAt, archive });
  let y = drawCouncilHeader(doc, model.header, frameOf(doc).top);
  y = drawTitle(doc, `ВІДКРИТІ КЛЮЧІ ДЛЯ ПЕРЕВІРКИ ДОВІДОК станом на ${model.date}`, y);
  y = drawParagraph(
    doc,
    `QR-код на довідці містить текст «${QR_VERSION}|ідентифікатор|номер|дата (рррр-мм-дд)|ініціали|код офісу|підпис»; ` +
      'поля записано у відсотковому кодуванні UTF-8, як в адресах URL (довідки, видані раніше, мають «' + LEGACY_QR_VERSION + '» і поля без кодування). ' +
      'Підпис — Ed25519 (RFC 8032) у кодуванні base64url над усім текстом до останнього знака «|». ' +
      'Перевірте його відкритим ключем офісу, код якого зазначено в QR-коді; якщо офіс має кілька ключів (наприклад, після заміни комп’ютера), ' +
      'підпис дійсний, коли його підтверджує будь-який із них. Короткий код під QR-кодом перевіряють у ЦНАП.',
    y,
  );
  for (const key of model.keys) {
    const lines = key.publicKeyPem.trim().split('\n');
    y = ensureRoom(doc, y + 6, 40 + lines.length * 13);
    const frame = frameOf(doc);
    useFont(doc, 'bold', 12);
    placeLine(doc, `Офіс ${key.officeCode}`, frame.left, y);
    useFont(doc, 'regular', 10);
    placeLine(doc, `Відбиток SHA-256: ${key.fingerprint}`, frame.left, y + 17);
    lines.forEach((line, i) => placeLine(doc, line, frame.left + 10, y + 34 + i * 13));
    y += 40 + lines.length * 13;
  }
  drawPageNumbers(doc);
  return finish(doc);
}
