import { startBridge } from '../bridge/server.js';
import { createDesk } from '../app/desk.js';
import { stderrLogger } from '../ipc/dispatch.js';
import { prepareTrainingRegister, TRAINING_LOGIN } from '../app/training.js';
import { parseDeskArgs, registerOptions, type DeskArgs } from './args.js';
import { ensurePrivateFolder } from '../register/private-files.js';
import type { RegisterLocation } from '../register/sql.js';
import { appVersion, buildApp, buildIfChanged, isBuilt, rendererOutDir } from './project.js';
import { defaultUserDataDir } from './user-data-dir.js';
import { describeFailure } from '../console/messages.js';

/**
 * `npm run serve [-- --data-dir DIR --port N --demo --no-build]`: the desk in a browser, for machines
 * where Electron cannot be installed, and what the browser tests drive.
 */
export async function runBridge(args: DeskArgs, options: { build: boolean }): Promise<void> {
  if (options.build) buildIfChanged();
  else if (!isBuilt()) buildApp();
  const dataDir = args.demo ? await prepareTrainingRegister() : (args.dataDir ?? defaultUserDataDir());
  ensurePrivateFolder(dataDir);
  const desk = await createDesk({
    dataDir,
    demo: args.demo,
    appVersion: appVersion(),
    logger: stderrLogger,
    ...registerOptions(args),
    ...(args.demo ? { trainingLogin: TRAINING_LOGIN } : {}),
  });
  if (args.demo) console.log(`НАВЧАЛЬНИЙ РЕЖИМ / TRAINING: ${TRAINING_LOGIN.login} / ${TRAINING_LOGIN.password}`);
  const bridge = await startBridge({ dispatcher: desk.dispatcher, rendererDir: rendererOutDir, port: args.port, logger: stderrLogger });
  console.log(`Реєстр / Register: ${describeRegister(desk.register.ctx.db.location)}`);
  console.log(`Відкрийте у браузері / Open in a browser: ${bridge.url}`);
  const stop = () => {
    void bridge
      .close()
      .then(() => desk.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isEntryPoint = process.argv[1]?.endsWith('serve.ts') ?? false;
if (isEntryPoint) {
  const argv = process.argv.slice(2);
  runBridge(parseDeskArgs(argv), { build: !argv.includes('--no-build') }).catch((error: unknown) => {
    console.error(describeFailure(error));
    process.exit(1);
  });
}

/** The register as a person may see it: the file, or the server and database — never a password. */
function describeRegister(location: RegisterLocation): string {
  return location.backend === 'sqlite' ? location.file : `postgres ${location.server}/${location.database}`;
}
