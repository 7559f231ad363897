/**
 * A progress bar on a terminal, nothing otherwise (pipes and CI logs get only the summary).
 */
export interface Bar {
  update(done: number): void;
  stop(): void;
}


export function progressBar(total: number, unit = 'files'): Bar | null {
  if (!process.stderr.isTTY || total < 2) return null;
  let last = 0;
  let stopped = false;
  const width = 30;
  const draw = (done: number) => {
    const f = Math.min(1, done / total);
    const filled = Math.round(f * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${unit}`);
  };
  return {
    update(done: number) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      process.stderr.write('\r\x1b[K');
    },
  };
}
