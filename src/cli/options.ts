/** Options and output helpers shared by the commands. */
import type { Command } from 'commander';
import { terminalSafe } from './terminal.js';

export function dbOption(cmd: Command): Command {
  return cmd.option('--db <path|url>', 'the store: a SQLite file or a postgres:// URL (default: $PARALLAX_DB or ./parallax.db)');
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Writes a line to stderr; the CLI's reports of what went wrong go there, results to stdout. */
export function warn(line: string): void {
  process.stderr.write(terminalSafe(line) + '\n');
}
