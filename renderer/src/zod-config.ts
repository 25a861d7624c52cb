import { z } from 'zod';

/**
 * The window's CSP has no `unsafe-eval`. zod compiles object parsers with `new Function` when it
 * may; left to find out by itself it tries, and every try is a CSP violation (caught by zod, but
 * reported by the browser). Jitless, it never tries. Imported first by main.tsx, before any parse.
 */
z.config({ jitless: true });
