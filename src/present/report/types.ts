import type { Story } from '../../types.js';

/** One output format of a story report, behind one interface. */
export interface Reporter {
  readonly format: 'html' | 'md' | 'json';
  readonly extension: string;
  render(story: Story): string;
}
