#!/usr/bin/env node
/** The `ob-backup-sim` command (the package's `bin`). */
import { argv, exit } from 'node:process';
import { main } from './cli.js';

exit(await main(argv.slice(2)));
