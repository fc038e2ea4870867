/** Minimal structured logging to stdout/stderr, one JSON object a line. */
import { config, type LogLevel } from './config.js';

const order: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 };

function write(level: Exclude<LogLevel, 'silent'>, message: string, fields: Record<string, unknown> = {}) {
  if (order[level] < order[config().logLevel]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields });
  if (order[level] >= order.warn) console.error(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};
