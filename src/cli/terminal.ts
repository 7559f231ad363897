/**
 * What reaches the terminal is text, never instructions to it. Articles, titles, feed entries and
 * file names come from anywhere; a page can hold escape sequences that recolour, move the cursor,
 * retitle the window or hide text, and bidirectional overrides that make a line read otherwise
 * than it is. Every line the CLI prints goes through {@link terminalSafe}: control characters
 * (C0 but tab and newline, DEL, C1) and the bidirectional embedding, override and isolate marks
 * are dropped. JSON output needs nothing: JSON.stringify escapes every control character.
 *
 * @module
 */

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control characters or bidirectional overrides. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '');
}

let installed = false;

/**
 * Routes console.log and console.error (every command's printing) through {@link terminalSafe}.
 * Called once by the CLI's entry point; the library never prints.
 */
export function guardConsole(): void {
  if (installed) return;
  installed = true;
  for (const name of ['log', 'error', 'warn', 'info'] as const) {
    const original = console[name].bind(console);
    console[name] = (...args: unknown[]) => original(...args.map((a) => (typeof a === 'string' ? terminalSafe(a) : a)));
  }
}
