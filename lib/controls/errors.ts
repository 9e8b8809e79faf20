// Every message lib/controls (and the control CLI) shows a person, in one place. Each says what went wrong
// and what to do about it, so callers never improvise wording.
import { CrosswalkError } from '../errors';
import { FRAMEWORK_LABEL, FRAMEWORKS, type ControlRef, type Framework } from './framework';

/** Thrown when a bundled data file is invalid: a build problem, not a user input problem. */
export class ControlsDataError extends CrosswalkError<'invalid-data-file'> {
  override name = 'ControlsDataError';
  constructor(message: string, options?: ErrorOptions) {
    super('invalid-data-file', message, options);
  }
}

/** Thrown by APIs that cannot return a result value (e.g. counterparts) for an id that does not resolve. */
export class UnknownControlError extends CrosswalkError<'unknown-control'> {
  override name = 'UnknownControlError';
  constructor(
    message: string,
    readonly nearest: ControlRef[],
  ) {
    super('unknown-control', message);
  }
}

const list = (refs: ControlRef[]): string => refs.map((r) => r.id).join(', ');

export const errors = {
  invalidDataFile: (file: string, issues: string): string =>
    `Data file ${file} does not match its schema: ${issues}. Fix the file (or rerun npx tsx lib/controls/build-crosswalk.ts for data/crosswalk) and run the controls unit tests.`,

  emptyInput: (): string =>
    'No control id given. Pass an id such as A.8.24 (ISO 27001:2022), A.9.4.2 (ISO 27001:2013), 9.2 (clause) or CC6.1 (SOC 2).',

  unreadable: (input: string): string =>
    `Cannot read "${input}" as a control id. Use a form such as A.8.24 or 8.24 (ISO 27001:2022 Annex A), 9.2 (clause), ` +
    'A.9.4.2 (ISO 27001:2013) or CC6.1 / A1.2 / P4.1 (SOC 2).',

  unknownControl: (id: string, framework: Framework, nearest: ControlRef[]): string =>
    `Unknown control ${id} in ${FRAMEWORK_LABEL[framework]}.` +
    (nearest.length
      ? ` Nearest: ${list(nearest)}. Use one of these, or check the id against the standard.`
      : ' Check the id against the standard.'),

  wrongFramework: (id: string, asked: Framework, actual: Framework): string =>
    `${id} is a ${FRAMEWORK_LABEL[actual]} id, not ${FRAMEWORK_LABEL[asked]}. Pass framework "${actual}" to look it up, ` +
    `or ask for its counterparts in ${FRAMEWORK_LABEL[asked]}.`,

  unknownFramework: (value: string): string => `Unknown framework "${value}". Use one of: ${FRAMEWORKS.join(', ')}.`,

  // ---- CLI ----
  cliUnknownCommand: (command: string, known: string[]): string =>
    `Unknown command "${command}". Available commands: ${known.join(', ')}. Run \`crosswalk --help\` for usage.`,

  cliMissingId: (): string =>
    'Missing control id. Usage: crosswalk control <id> [--json] (e.g. crosswalk control A.8.24), or crosswalk control --disagreements.',

  cliUnknownOption: (option: string, known: string[]): string =>
    `Unknown option "${option}". Options: ${known.join(', ')}. Run \`crosswalk control --help\` for usage.`,
};
