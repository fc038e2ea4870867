/**
 * The one reader of the environment: parsed once, typed, failing fast with a clear message.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A sender as mail headers write it: `address@host` or `Display Name <address@host>`. */
export type Mailbox = { name: string; address: string };

const mailbox = z.string().transform((value, context): Mailbox => {
  const match = /^(?:"?([^"<>]*?)"?\s*)?<([^<>\s]+)>$/.exec(value) ?? /^()([^<>\s]+)$/.exec(value);
  const address = match?.[2] ?? '';
  if (!z.email().safeParse(address).success) {
    context.addIssue({
      code: 'custom',
      message: 'must be an e-mail address, optionally with a display name: "Exchange Office <no-reply@example.edu>"',
    });
    return z.NEVER;
  }
  return { name: match?.[1]?.trim() ?? '', address };
});

/** The web's public URL when ORIGIN is unset: the web's default port on this machine. */
export const defaultOrigin = 'http://localhost:3000';

/** Days before a measure's deadline its owners are reminded when PLAN_REMINDER_DAYS is unset. */
export const defaultPlanReminderDays = 14;

/** The sender when MAIL_FROM is unset: a no-reply address at the web's own host name. */
export const defaultMailFrom = (origin: string): Mailbox => ({
  name: 'Penza–Baoji Exchange',
  address: `no-reply@${new URL(origin).hostname}`,
});

const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' }).optional()),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  JWT_SECRET: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().min(32, { message: 'must be at least 32 characters' }).optional()),
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional()),
  ORIGIN: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional()),
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(mailbox.optional()),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(1000),
  /** How often each instance looks for checklist steps to remind of (each is announced once whatever the count of instances). */
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How many days before a measure's deadline its owners are reminded (once; again after the deadline moves). */
  PLAN_REMINDER_DAYS: z.coerce.number().int().min(0).max(365).default(defaultPlanReminderDays),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  jwtSecret: string;
  smtpUrl: string | undefined;
  /** The web's public URL (no trailing slash): e-mails link to its pages. */
  origin: string;
  mailFrom: Mailbox;
  rateLimitMax: number;
  reminderIntervalSeconds: number;
  planReminderDays: number;
  logLevel: string;
};

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = environment.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const origin = new URL(env.ORIGIN ?? defaultOrigin).origin;
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  return {
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    port: env.API_PORT,
    // Behind a load balancer in production; only this machine otherwise.
    host: env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1',
    jwtSecret: env.JWT_SECRET ?? localSecret(dataDir),
    smtpUrl: env.SMTP_URL,
    origin,
    mailFrom: env.MAIL_FROM ?? defaultMailFrom(origin),
    rateLimitMax: env.RATE_LIMIT_MAX,
    reminderIntervalSeconds: env.REMINDER_INTERVAL_SECONDS,
    planReminderDays: env.PLAN_REMINDER_DAYS,
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * Outside production the signing secret is generated once and kept in DATA_DIR, so sessions
 * survive restarts and the web server (which reads the same file) can sign client addresses.
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
