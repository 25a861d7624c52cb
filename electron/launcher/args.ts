import { parseArgs } from 'node:util';

export interface DeskArgs {
  readonly dataDir: string | undefined;
  readonly port: number | undefined;
  readonly demo: boolean;
}

/** `--data-dir DIR`, `--port N`, `--demo`: the same options for `npm start`, `npm run serve` and the Electron main. */
export function parseDeskArgs(argv: readonly string[]): DeskArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
    strict: false,
    allowPositionals: true,
  });
  const port = typeof values.port === 'string' ? Number(values.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port: ціле число 0–65535 / an integer 0–65535 (got ${String(values.port)})`);
  }
  return {
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
    port,
    demo: values.demo === true,
  };
}
