// `crosswalk control <id> [--framework <f>] [--json]` and `crosswalk control --disagreements [--json]`.
// Prints a control and its counterparts in each other framework, each with source, strength and any dispute.
import {
  type Framework,
  resolveControlId,
  getControl,
  disagreements,
  counterparts,
  FRAMEWORK_LABEL,
  FRAMEWORKS,
  errors,
} from '../controls';
import { formatControl, formatDisagreements, type ControlView } from './control-format';

const OPTIONS = ['--json', '--disagreements', '--framework <iso27001:2022|iso27001:2013|soc2:2017>', '--help'];

/** Short names people type for --framework. */
const FRAMEWORK_ALIASES: Record<string, Framework> = {
  '2022': 'iso27001:2022',
  iso2022: 'iso27001:2022',
  '2013': 'iso27001:2013',
  iso2013: 'iso27001:2013',
  soc2: 'soc2:2017',
};

export const HELP = [
  'Usage: crosswalk control <id> [--framework <framework>] [--json]',
  '       crosswalk control --disagreements [--json]',
  '',
  'Shows a control (ISO 27001:2022, ISO 27001:2013 Annex A or SOC 2) and its counterparts in the other',
  'frameworks, with the source and strength of each edge and any dispute with the comparison guide.',
  'Ids: A.8.24, 8.24, A 8.24, 9.2 (clause), A.9.4.2 (2013), CC6.1, A1.2. Bare ids such as 5.1 mean the',
  'ISO 27001:2022 clause when one exists, else the Annex A control; --framework picks another framework.',
  '',
  'Options:',
  '  --json            machine-readable output',
  '  --disagreements   list the comparison guide rows the published mappings contradict',
  '  --framework <f>   framework of the id: iso27001:2022 (2022), iso27001:2013 (2013), soc2:2017 (soc2)',
].join('\n');

type Parsed =
  { help: boolean; json: boolean; disagreements: boolean; framework?: Framework; ids: string[] } | { error: string };

function parseArgs(args: string[]): Parsed {
  const out: { help: boolean; json: boolean; disagreements: boolean; framework?: Framework; ids: string[] } = {
    help: false,
    json: false,
    disagreements: false,
    ids: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--json') out.json = true;
    else if (arg === '--disagreements') out.disagreements = true;
    else if (arg === '--framework' || arg.startsWith('--framework=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[++i] ?? '');
      const framework = FRAMEWORK_ALIASES[value.toLowerCase()] ?? FRAMEWORKS.find((f) => f === value);
      if (!framework) return { error: errors.unknownFramework(value) };
      out.framework = framework;
    } else if (arg.startsWith('--')) return { error: errors.cliUnknownOption(arg, OPTIONS) };
    else out.ids.push(arg);
  }
  return out;
}

function print(json: boolean, value: unknown, text: string): void {
  console.log(json ? JSON.stringify(value, null, 2) : text);
}

export function run(args: string[]): number {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    console.error(parsed.error);
    return 2;
  }
  if (parsed.help) {
    console.log(HELP);
    return 0;
  }
  if (parsed.disagreements) {
    const list = disagreements();
    print(parsed.json, { disagreements: list }, formatDisagreements(list));
    return 0;
  }
  if (parsed.ids.length === 0) {
    console.error(errors.cliMissingId());
    return 2;
  }
  // Unquoted `crosswalk control A 8.24` or `cc 6.1` arrives as two arguments: read them as one id.
  const resolved = resolveControlId(parsed.ids.join(' '), parsed.framework);
  if (!resolved.ok) {
    if (parsed.json) console.log(JSON.stringify({ error: resolved.error, nearest: resolved.nearest }, null, 2));
    else console.error(resolved.error);
    return 1;
  }
  const { framework, id } = resolved.ref;
  const control = getControl(framework, id);
  if (!control) throw new Error(`resolveControlId returned ${framework} ${id} but the catalog has no such control`);
  const view: ControlView = {
    control,
    counterparts: FRAMEWORKS.filter((f) => f !== framework).map((target) => ({
      framework: target,
      label: FRAMEWORK_LABEL[target],
      items: counterparts(id, target, framework),
    })),
  };
  print(parsed.json, view, formatControl(view));
  return 0;
}
