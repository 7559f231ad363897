/** Options and output helpers shared by the commands. */
import type { Command } from 'commander';
import { terminalSafe } from './terminal.js';
import { readStdin } from '../ingest/stdin.js';

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

/** Standard input as text, bounded like every input (see readStdin); too much of it is an error. */
export function stdinText(): string {
  const read = readStdin();
  if ('error' in read) throw new Error(`stdin ${read.error}`);
  return read.bytes.toString('utf8');
}
