import { loadConfig, type AppConfig } from '@qts/config';

/** Injection token of the typed, frozen configuration each app parses once at start-up. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export const appConfigProvider = { provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() };
