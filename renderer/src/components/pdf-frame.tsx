import { useEffect, useMemo } from 'react';
import { pdfBlob } from './pdf.js';

/** Shows a PDF from base64 in a frame; the blob URL is released when the document changes. */
export function PdfFrame({ base64, title, height = 640 }: { base64: string; title: string; height?: number }) {
  const url = useMemo(() => URL.createObjectURL(pdfBlob(base64)), [base64]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <iframe className="desk-pdf-frame" title={title} src={url} style={{ height }} />;
}
