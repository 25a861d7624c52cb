import { parseArgs } from 'node:util';

export interface DeskArgs {
  readonly dataDir: string | undefined;
  /** `--database postgres://…`: the register several workstations share, on the council's server. */
  readonly database: string | undefined;
  /** `--ca-file FILE`: the council's CA certificate for TLS to that server. */
  readonly caFile: string | undefined;
  readonly port: number | undefined;
  readonly demo: boolean;
}

/** `--data-dir DIR`, `--database URL`, `--ca-file FILE`, `--port N`, `--demo`: the same options for `npm start`, `npm run serve` and the Electron main. */
/** The register options of `createDesk` from the command line; the training register is always embedded. */
export function registerOptions(args: DeskArgs): { database?: string; caFile?: string } {
  if (args.demo || !args.database) return {};
  return { database: args.database, ...(args.caFile ? { caFile: args.caFile } : {}) };
}

export function parseDeskArgs(argv: readonly string[]): DeskArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      'ca-file': { type: 'string' },
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
    database: typeof values.database === 'string' ? values.database : undefined,
    caFile: typeof values['ca-file'] === 'string' ? values['ca-file'] : undefined,
    port,
    demo: values.demo === true,
  };
}
