/** Path of the Electron binary if the npm package has downloaded one, else null. */
export function findElectronBinary(): string | null;
export function electronPackageDir(): string;
