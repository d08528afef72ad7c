/**
 * `ontomesh validate`: a dry run of `load` (parse, resolve imports, map, infer, count) that writes nothing.
 */
import { parseCommandArgs, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { loadAndReport, readOptions, readOptionsHelp } from '../loadArgs.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check that ontologies load, without writing anything',
  help: `Usage: ontomesh validate PATH... [options]

Reads ontologies exactly as \`ontomesh load\` does (syntax, owl:imports closure, mapping, entailment)
and prints the counts a load would report, without opening a store. Exits 1 with
file:line:col: CODE message on the first error.

Options:
  --id ID                         graph id to report (default: derived as by load)
${readOptionsHelp}
  -h, --help                      show this help`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...readOptions, id: { type: 'string' } });
    requirePositionals(positionals, 'some', 'PATH');
    await loadAndReport(undefined, positionals, values, io);
    return exitCodes.ok;
  },
};
