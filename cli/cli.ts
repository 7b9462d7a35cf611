#!/usr/bin/env node
/** Headless CLI entry point (bundled to dist/cli/cli.mjs by scripts/build-cli.mjs). */
import { nodeIo } from './io';
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2), nodeIo);
