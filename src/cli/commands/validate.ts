/**
 * `ontomesh validate`: a dry run of `load` (parse, resolve imports, map, infer, count) that writes nothing.
 */
import { loadOntologies } from '../../load/index.ts';
import { parseCommandArgs, println, requirePositionals, type Command } from '../command.ts';
import { exitCodes } from '../exitCodes.ts';
import { readLoadOptions, readOptions, readOptionsHelp } from '../loadArgs.ts';
import { startProgress } from '../progress.ts';
import { summaryJson, summaryText } from '../summary.ts';

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
    if (values.help) {
      println(io.stdout, this.help);
      return exitCodes.ok;
    }
    requirePositionals(positionals, 'some', 'PATH');
    const progress = startProgress(io.stderr, { force: values.progress === true });
    try {
      const summary = await loadOntologies(undefined, positionals, {
        ...readLoadOptions(values),
        id: values.id,
        signal: io.signal,
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      println(io.stdout, values.json ? JSON.stringify(summaryJson(summary)) : summaryText(summary));
      return exitCodes.ok;
    } finally {
      progress.stop();
    }
  },
};
