import type { Command } from '../command';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { montecarloCommand } from './montecarlo';
import { projectCommand } from './project';

/** The command table. To add a command (e.g. `export`), write a Command and list it here. */
export const COMMANDS: readonly Command[] = [projectCommand, checkCommand, montecarloCommand, exportCommand];
