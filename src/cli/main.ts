import type { Problem } from '../shared/problem';
import type { ImportAction } from '../shared/profile-import';
import { flag, parseCommandArgs, positiveInt, stringOpt, type OptionSpec, type Parsed } from './args';
import type { CliContext } from './cli-context';
import { json, line, write, type CliIo } from './cli-io';
import { EXIT, UsageError, type ExitCode } from './exit-codes';
import { HELP } from './help';
import { registerOptionsSpec } from './register-options';

// Only what `--help` and argument parsing need is imported up front. The rest (zod's schemas
// among it) loads when a command runs or something fails: the bundle is split per command.

/** `profiles <sub>` commands. */
const PROFILES_SUBCOMMANDS = ['list', 'status', 'restore-backup', 'start-fresh', 'export', 'import'];

interface Command {
  readonly options: OptionSpec;
  readonly run: (ctx: CliContext, p: Parsed) => Promise<ExitCode>;
}

// Each command's modules (MSAL, nodemailer, zod) load only when it runs: `--help` and a
// script's first call start in a fraction of the time.
const commands: Readonly<Record<string, Command>> = {
  'profiles list': { options: {}, run: async (ctx) => (await import('./commands/profiles-list')).profilesList(ctx) },
  'profiles status': {
    options: {},
    run: async (ctx) => (await import('./commands/profiles-file')).profilesStatus(ctx),
  },
  'profiles restore-backup': {
    options: {},
    run: async (ctx) => (await import('./commands/profiles-file')).profilesRecover(ctx, 'restore-backup'),
  },
  'profiles start-fresh': {
    options: {},
    run: async (ctx) => (await import('./commands/profiles-file')).profilesRecover(ctx, 'start-fresh'),
  },
  'profiles export': {
    options: {
      out: { type: 'string', short: 'o' },
      'include-secrets': { type: 'boolean' },
      'passphrase-file': { type: 'string' },
      force: { type: 'boolean' },
    },
    run: async (ctx, p) => {
      const passphraseFile = stringOpt(p, 'passphrase-file');
      return (await import('./commands/profiles-export')).profilesExport(ctx, p.positionals, {
        out: stringOpt(p, 'out'),
        includeSecrets: flag(p, 'include-secrets'),
        force: flag(p, 'force'),
        ...(passphraseFile !== undefined ? { passphraseFile } : {}),
      });
    },
  },
  'profiles import': {
    options: {
      existing: { type: 'string' },
      'same-name': { type: 'string' },
      'without-secrets': { type: 'boolean' },
      'passphrase-file': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    run: async (ctx, p) => {
      const passphraseFile = stringOpt(p, 'passphrase-file');
      return (await import('./commands/profiles-import')).profilesImport(ctx, p.positionals[0], {
        existing: importAction(p, 'existing', 'skip'),
        sameName: importAction(p, 'same-name', 'add'),
        withoutSecrets: flag(p, 'without-secrets'),
        dryRun: flag(p, 'dry-run'),
        ...(passphraseFile !== undefined ? { passphraseFile } : {}),
      });
    },
  },
  token: {
    options: { 'show-token': { type: 'boolean' } },
    run: async (ctx, p) =>
      (await import('./commands/token')).tokenCommand(ctx, p.positionals[0], flag(p, 'show-token')),
  },
  verify: {
    options: { 'send-to': { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
    run: async (ctx, p) =>
      (await import('./commands/verify')).verifyCommand(ctx, p.positionals[0], {
        ...(stringOpt(p, 'send-to') !== undefined ? { sendTo: stringOpt(p, 'send-to') } : {}),
        verbose: flag(p, 'verbose'),
      }),
  },
  export: {
    options: {
      out: { type: 'string', short: 'o' },
      'include-secrets': { type: 'boolean' },
      'aem-direct': { type: 'boolean' },
      'aem-proxy-port': { type: 'string' },
    },
    run: async (ctx, p) =>
      (await import('./commands/export')).exportCommand(ctx, p.positionals[0], {
        outDir: stringOpt(p, 'out'),
        includeSecrets: flag(p, 'include-secrets'),
        aemDirect: flag(p, 'aem-direct'),
        aemProxyPort: stringOpt(p, 'aem-proxy-port'),
      }),
  },
  fix: {
    options: {
      yes: { type: 'boolean', short: 'y' },
      'wait-minutes': { type: 'string' },
      'admin-client-id': { type: 'string' },
    },
    run: async (ctx, p) => {
      const wait = stringOpt(p, 'wait-minutes');
      const waitMinutes = wait === '0' ? 0 : positiveInt(wait, 'wait-minutes', 60);
      const adminClientId = stringOpt(p, 'admin-client-id');
      return (await import('./commands/fix')).fixCommand(ctx, p.positionals[0], p.positionals[1], {
        yes: flag(p, 'yes'),
        waitMinutes,
        ...(adminClientId !== undefined ? { adminClientId } : {}),
      });
    },
  },
  'give-access': {
    options: {
      yes: { type: 'boolean', short: 'y' },
      'wait-minutes': { type: 'string' },
      'admin-client-id': { type: 'string' },
      group: { type: 'string' },
    },
    run: async (ctx, p) => {
      const wait = stringOpt(p, 'wait-minutes');
      const adminClientId = stringOpt(p, 'admin-client-id');
      const group = stringOpt(p, 'group');
      return (await import('./commands/give-access')).giveAccessCommand(ctx, p.positionals[0], {
        yes: flag(p, 'yes'),
        waitMinutes: wait === '0' ? 0 : positiveInt(wait, 'wait-minutes', 60),
        ...(adminClientId !== undefined ? { adminClientId } : {}),
        ...(group !== undefined ? { group } : {}),
      });
    },
  },
  register: {
    options: registerOptionsSpec,
    run: async (ctx, p) => (await import('./commands/register')).registerCommand(ctx, p),
  },
  'sign-in': {
    options: { 'device-code': { type: 'boolean' }, browser: { type: 'boolean' } },
    run: async (ctx, p) =>
      (await import('./commands/sign-in')).signInCommand(ctx, p.positionals[0], {
        deviceCode: flag(p, 'device-code'),
        browser: flag(p, 'browser'),
      }),
  },
  'bulk-verify': {
    options: { concurrency: { type: 'string', short: 'c' }, format: { type: 'string' }, column: { type: 'string' } },
    run: async (ctx, p) => {
      const format = stringOpt(p, 'format') ?? (ctx.json ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json')
        throw new UsageError('USAGE', `--format must be csv or json (got "${format}")`);
      const column = stringOpt(p, 'column');
      return (await import('./commands/bulk-verify')).bulkVerifyCommand(ctx, p.positionals[0], p.positionals[1], {
        concurrency: positiveInt(stringOpt(p, 'concurrency'), 'concurrency', 16),
        format,
        ...(column !== undefined ? { column } : {}),
      });
    },
  },
};

/** `--existing` / `--same-name`: one of the import actions. */
function importAction(p: Parsed, name: string, fallback: ImportAction): ImportAction {
  const value = stringOpt(p, name) ?? fallback;
  // A plain list, not the zod schema: zod loads only when a command runs.
  const actions: readonly string[] = ['skip', 'replace', 'add'] satisfies readonly ImportAction[];
  if (!actions.includes(value))
    throw new UsageError('USAGE', `--${name} must be skip, replace or add (got "${value}")`);
  return value as ImportAction;
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const wantsJson = argv.includes('--json');
  try {
    const [first, second] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      await write(io.stdout, HELP);
      return first === undefined ? EXIT.badInput : EXIT.ok;
    }
    const sub = first === 'profiles' && second !== undefined && PROFILES_SUBCOMMANDS.includes(second);
    const name = sub ? `profiles ${second}` : first;
    const command = commands[name];
    if (!command)
      throw new UsageError(
        'USAGE',
        first === 'profiles'
          ? `unknown profiles command "${second ?? ''}"; try \`profiles ${PROFILES_SUBCOMMANDS.join('|')}\``
          : `unknown command "${first}"; see --help`,
      );
    const parsed = parseCommandArgs(argv.slice(sub ? 2 : 1), command.options);
    if (flag(parsed, 'help')) {
      await write(io.stdout, HELP);
      return EXIT.ok;
    }
    const { openContext } = await import('./cli-context');
    return await command.run(openContext(parsed, io), parsed);
  } catch (e) {
    return reportFailure(e, io, wantsJson);
  }
}

async function reportFailure(e: unknown, io: CliIo, asJson: boolean): Promise<ExitCode> {
  const [{ redactDetail }, { keychainCode }, { SecretStoreError }, { isProblemError }, { renderProblem }] =
    await Promise.all([
      import('../core/redact'),
      import('../core/secrets/keychain-errors'),
      import('../core/secrets/secret-store'),
      import('../core/problem-error'),
      import('./render-problem'),
    ]);
  let exitCode: ExitCode;
  let error: { code: string; message: string };
  let problem: Problem | undefined;
  if (e instanceof UsageError) {
    exitCode = EXIT.badInput;
    error = { code: e.code, message: e.message };
  } else if (e instanceof SecretStoreError) {
    exitCode = EXIT.environment;
    error = { code: keychainCode(e.reason), message: e.message };
  } else if (isProblemError(e)) {
    problem = e.problem;
    // Failures that are about this computer, not the Microsoft set-up, say so in their category.
    exitCode = problem.category === 'environment' ? EXIT.environment : EXIT.checkFailed;
    // An environment problem is one line, so it carries the explanation (which names the file).
    error = {
      code: problem.code,
      message: exitCode === EXIT.environment ? `${problem.title}: ${problem.explanation}` : problem.title,
    };
  } else {
    exitCode = EXIT.environment;
    // Unknown errors may quote what they were given (a request body, a file): blank secret-shaped text.
    error = {
      code: 'UNEXPECTED',
      message: redactDetail(e instanceof Error ? e.message : String(e)) || 'unexpected error',
    };
  }
  if (asJson) await json(io.stdout, { ok: false, exitCode, error, ...(problem ? { problem } : {}) });
  // People get one line for a usage or environment error, the full diagnosis for a failed check.
  if (problem && exitCode === EXIT.checkFailed) for (const l of renderProblem(problem)) await line(io.stderr, l);
  else await line(io.stderr, `smtp-oauth-wizard: ${error.message}`);
  return exitCode;
}
