/**
 * Only our own page may call the main process (as GitHub Desktop's trusted-ipc-sender and VS Code
 * do): a message from another frame, an iframe (e.g. a PDF preview) or a navigated-away page is
 * dropped before it reaches the dispatcher.
 */
export interface TrustedRenderer {
  /** file:// URL of the built index.html (production). */
  readonly fileUrl?: string;
  /** Origin of the dev server (electron-vite dev), when running in development. */
  readonly devOrigin?: string;
}

export function isTrustedSenderUrl(url: string, isMainFrame: boolean, trusted: TrustedRenderer): boolean {
  if (!isMainFrame) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (trusted.fileUrl && parsed.protocol === 'file:') {
    const expected = new URL(trusted.fileUrl);
    return parsed.pathname === expected.pathname;
  }
  if (trusted.devOrigin) return parsed.origin === new URL(trusted.devOrigin).origin;
  return false;
}
