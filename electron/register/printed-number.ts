/** Fills a journal's number format, e.g. `{index}/{number}` → `01-21/154` (section E). */
export function formatPrintedNumber(
  format: string,
  parts: { index: string; number: number; year: number; office: string },
): string {
  return format.replace(/\{(index|number|year|office)\}/g, (_match, token: string) => {
    if (token === 'index') return parts.index;
    if (token === 'year') return String(parts.year);
    if (token === 'office') return parts.office;
    return String(parts.number);
  });
}
