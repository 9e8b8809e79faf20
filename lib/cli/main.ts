// `crosswalk <command> [...]`: dispatches to lib/cli/<command>-command.ts. Commands load lazily so one
// command's imports never slow down another. To add a command, add one line to COMMANDS.
import { pathToFileURL } from 'node:url';
import { errors } from '../controls';
import { describeError } from '../errors';

export interface Command {
  /** Runs the command with the arguments after its name; returns (or resolves to) the process exit code. */
  run(args: string[]): number | Promise<number>;
}

export const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  control: {
    load: () => import('./control-command'),
    summary: 'show a control, its counterparts in the other frameworks, and guide disagreements',
  },
  match: {
    load: () => import('./match-command'),
    summary: 'map questions to controls and suggest library answers with citations',
  },
  fill: {
    load: () => import('./fill-command'),
    summary: 'answer a spreadsheet questionnaire (XLSX, XLSM, CSV, TSV) in place, only the answer cells change',
  },
  library: {
    load: () => import('./library-command'),
    summary: 'validate a library/questionnaire file (JSON, CSV, XLSX) or convert between formats',
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: crosswalk <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `crosswalk <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(errors.cliUnknownCommand(name, Object.keys(COMMANDS)));
    return 2;
  }
  return (await command.load()).run(rest);
}

// Run when executed (bin.mjs -> tsx main.ts), not when imported by tests or other commands.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(describeError(err));
      process.exitCode = 1;
    },
  );
}
