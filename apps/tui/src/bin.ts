#!/usr/bin/env node
import { processIo } from './cli/io.js';
import { run } from './cli/run.js';

// React's development build (the default without NODE_ENV) times and diffs every component render and
// keeps a performance entry for each: about twice the work per keypress, and memory that grows as you browse.
// React and Ink are imported lazily by the commands, after this line.
process.env['NODE_ENV'] ??= 'production';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo());
