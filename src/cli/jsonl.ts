/** Reading JSONL inputs for the evaluation commands: one object a line, bad lines named by number. */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';

export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  let text: string;
  try {
    text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (err) {
      throw new UserError(`${path}:${i + 1}: invalid JSON (${(err as Error).message})`);
    }
  });
  return out;
}
