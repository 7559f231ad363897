/**
 * The command line: a thin layer over the library. Every command lives in `commands/<name>.ts`
 * and exports `register(program)`; they are discovered from that folder, so adding a command
 * touches no shared file. Command modules import heavy dependencies inside their actions, to keep
 * `parallax --help` fast; and a command named on the command line loads its own module only, so a
 * short command pays for no other.
 *
 * @module
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { guardConsole, terminalSafe } from './terminal.js';
import { tuneEngine } from './engine.js';

export interface CommandModule {
  register(program: Command): void;
}

/**
 * The program with its commands. Given the command line, only the module of the command it names
 * is loaded when there is one of that name (`commands/extract.ts` for `parallax extract …`);
 * without one, or for help, an alias or an unknown name, every command is.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('parallax')
    .description('See one news story from every side.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, 'commands');
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const files = readdirSync(dir).filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts') && !f.startsWith('_')).sort();
  const named = argv?.[2];
  const own = named && !named.startsWith('-') ? files.find((f) => f === named + ext) : undefined;
  for (const f of own ? [own] : files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as CommandModule;
    mod.register(program);
  }
  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  tuneEngine();
  guardConsole();
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof UserError) {
      process.stderr.write(`parallax: ${terminalSafe(err.message)}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
