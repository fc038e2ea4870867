/**
 * The one reader of the web server's environment. Values are read when first asked for, so
 * the module can be imported before the environment is complete (tests, build analysis).
 */
import { env } from '$env/dynamic/private';
import { isAbsolute, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type WebConfig = {
  apiUrl: string;
  /** Directory the API keeps its generated secret in (absolute). */
  dataDir: string;
  /** Set when the secret is given explicitly; otherwise it is read from `dataDir`. */
  jwtSecret: string | null;
  production: boolean;
  logLevel: LogLevel;
};

let cached: WebConfig | null = null;

export function config(): WebConfig {
  if (cached) return cached;
  const apiUrl = (env.API_URL?.trim() || 'http://127.0.0.1:3001').replace(/\/+$/, '');
  try {
    new URL(apiUrl);
  } catch {
    throw new Error(`API_URL is not a valid URL: ${apiUrl}`);
  }
  const dataDir = env.DATA_DIR?.trim() || '.data';
  const level = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  cached = {
    apiUrl,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    jwtSecret: env.JWT_SECRET?.length ? env.JWT_SECRET : null,
    production: env.NODE_ENV === 'production',
    logLevel: logLevels.includes(level) ? level : 'info',
  };
  return cached;
}
