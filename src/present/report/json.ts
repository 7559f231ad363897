import type { Reporter } from './types.js';

export const jsonReporter: Reporter = {
  format: 'json',
  extension: 'json',
  render: (story) => JSON.stringify(story, null, 2) + '\n',
};
