/**
 * The renderer's Content-Security-Policy, one source for the Electron window (meta tag injected at
 * build time) and the browser bridge (HTTP header). No `unsafe-eval`, no remote origins: scripts
 * only from our own bundle; `blob:` frames only for PDF previews we generate ourselves. Inline
 * styles are allowed because the component library sets style attributes; inline scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
