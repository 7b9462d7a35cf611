/// <reference types="vite/client" />

/** The app version from package.json, set at build time by Vite's `define`. */
declare const __APP_VERSION__: string;
