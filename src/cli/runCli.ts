/**
 * The `ontomesh` command: picks the sub-command, runs it, and turns failures into one line on
 * stderr (`file:line:col: CODE message`) and an exit code (see exitCodes.ts).
 */
import { readFileSync } from 'node:fs';
import { asOntomeshError } from '../errors/index.ts';
import { println, type CliIo, type Command } from './command.ts';
import { checkCommand } from './commands/check.ts';
import { exportCommand } from './commands/export.ts';
import { loadCommand } from './commands/load.ts';
import { meshCommand } from './commands/mesh.ts';
import { pushCommand } from './commands/push.ts';
import { purviewCommand } from './commands/purview.ts';
import { serveCommand } from './commands/serve.ts';
import { validateCommand } from './commands/validate.ts';
import { versionsCommand } from './commands/versions.ts';
import { activateCommand } from './commands/activate.ts';
import { exitCodeFor, exitCodes, type ExitCode } from './exitCodes.ts';
import { isFromServer } from './serverErrors.ts';
import { escapeControls, jsonForTerminal } from './terminalText.ts';

/** The sub-commands, in the order `ontomesh --help` lists them. */
export const commands: readonly Command[] = [loadCommand, validateCommand, exportCommand, versionsCommand, activateCommand, meshCommand, checkCommand, purviewCommand, pushCommand, serveCommand];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: ontomesh COMMAND [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`ontomesh COMMAND --help\` for a command's options.

Exit codes: 0 success, 1 the input was rejected (syntax, imports, unknown graph or version),
2 usage error, 3 the store is unavailable.`;
}

/**
 * Runs `ontomesh` with the given arguments (without `node` and the script) and returns the exit code.
 *
 * @example
 * process.exitCode = await runCli(['load', 'pizza.owl', '--json'], io);
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = commands.find((c) => c.name === args[0]);
    println(io.stdout, command ? command.help : mainHelp());
    return exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    println(io.stdout, packageVersion());
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    println(io.stderr, `ontomesh: unknown command "${escapeControls(name)}"\n\n${mainHelp()}`);
    return exitCodes.usageError;
  }
  if (asksForHelp(args)) {
    println(io.stdout, command.help);
    return exitCodes.ok;
  }
  try {
    return await command.run(args, io);
  } catch (thrown) {
    if (io.signal.aborted) {
      println(io.stderr, `ontomesh: ${command.name} interrupted; nothing was changed`);
      return exitCodes.interrupted;
    }
    const error = asOntomeshError(thrown);
    const exitCode = exitCodeFor(error.code);
    // Messages quote the input (tokens, file names, a server's words): its control characters are shown, not obeyed.
    println(io.stderr, escapeControls(error.format()));
    // Scripts asking for --json get the failure as JSON too (code, message, file, line, column, term).
    if (args.includes('--json')) println(io.stdout, jsonForTerminal({ error: error.code === 'INTERNAL' ? { code: error.code, message: error.message } : error.toJSON() }));
    if (exitCode === exitCodes.usageError && !isFromServer(error)) println(io.stderr, `Run \`ontomesh ${command.name} --help\` for usage.`);
    if (error.code === 'INTERNAL' && thrown instanceof Error && thrown.stack) println(io.stderr, thrown.stack.split('\n').map(escapeControls).join('\n'));
    return exitCode;
  }
}

/** `-h` or `--help` anywhere before a `--` terminator: every command answers it the same way. */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
