import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeFailure } from '../console/messages.js';
import { EXIT, t, UsageError, type CliCommand, type CliIo } from './command.js';
import { cliCommands } from './commands/index.js';

function listCommands(commands: readonly CliCommand[], io: CliIo): void {
  io.out(t('cli.usage'));
  const width = Math.max(...commands.map((command) => command.name.length));
  for (const command of commands) io.out(`  ${command.name.padEnd(width)}  ${command.summary}`);
}

function commandHelp(command: CliCommand, io: CliIo): void {
  io.out(`${command.name}: ${command.summary}`);
  for (const line of command.usage) io.out(`  npm run cli -- ${line}`);
}

/** A usage error is already a sentence; Node's own argument errors are wrapped in one. */
function failureText(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (isArgumentError(error)) return t('errors.usage', { message: error.message });
  return describeFailure(error);
}

function isArgumentError(error: unknown): error is Error {
  return error instanceof Error && ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false);
}

/** Runs `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = cliCommands): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    listCommands(commands, io);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(t('cli.unknownCommand', { command: name }));
    listCommands(commands, io);
    return EXIT.usage;
  }
  try {
    const { values } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      commandHelp(command, io);
      return EXIT.ok;
    }
    return await command.run(values, io);
  } catch (error) {
    io.err(t('cli.failed', { message: failureText(error) }));
    if (error instanceof UsageError || isArgumentError(error)) {
      commandHelp(command, io);
      return EXIT.usage;
    }
    return EXIT.failed;
  }
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
}

if (isEntryPoint()) {
  process.exitCode = await runCli(process.argv.slice(2), consoleIo);
}
