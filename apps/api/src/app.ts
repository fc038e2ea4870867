import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '@exchange/db';
import { defaultMailFrom, defaultOrigin, defaultPlanReminderDays, type Config } from './config.js';
import { createRateLimiter } from './lib/rate-limiter.js';
import { serializerCompiler } from './lib/serializer.js';
import { allocationRoutes } from './modules/allocation/allocation.routes.js';
import { createAllocationService } from './modules/allocation/allocation.service.js';
import { agreementsRoutes } from './modules/agreements/agreements.routes.js';
import { createAgreementsService } from './modules/agreements/agreements.service.js';
import { createExpiryWarnings, type ExpiryWarnings } from './modules/agreements/agreement-expiry.js';
import { planRoutes } from './modules/plan/plan.routes.js';
import { createPlanService } from './modules/plan/plan.service.js';
import { createPlanReminders, type PlanReminders } from './modules/plan/plan-reminders.js';
import { applicationsRoutes } from './modules/applications/applications.routes.js';
import { createApplicationsService } from './modules/applications/applications.service.js';
import { callsRoutes } from './modules/calls/calls.routes.js';
import { createCallsService } from './modules/calls/calls.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { accountRoutes } from './modules/account/account.routes.js';
import { createAccountService } from './modules/account/account.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createIdentityProvidersService } from './modules/single-sign-on/identity-providers.service.js';
import { createOidcSignInService } from './modules/single-sign-on/oidc-sign-in.service.js';
import { singleSignOnRoutes } from './modules/single-sign-on/single-sign-on.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { createCalendarService } from './modules/calendar/calendar.service.js';
import { checkInRoutes } from './modules/check-in/check-in.routes.js';
import { createCheckInService } from './modules/check-in/check-in.service.js';
import { eventsRoutes } from './modules/events/events.routes.js';
import { createEventsService } from './modules/events/events.service.js';
import { registrationsRoutes } from './modules/registrations/registrations.routes.js';
import { createRegistrationsService } from './modules/registrations/registrations.service.js';
import { createWaitingList } from './modules/registrations/waiting-list.js';
import { createMailWorker, type MailWorker } from './modules/mail/mail-worker.js';
import { createReminders, type Reminders } from './modules/reminders/reminders.service.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { mobilitiesRoutes } from './modules/mobilities/mobilities.routes.js';
import { createMobilitiesService } from './modules/mobilities/mobilities.service.js';
import { learningAgreementsRoutes } from './modules/learning-agreements/learning-agreements.routes.js';
import { createLearningAgreementsService } from './modules/learning-agreements/learning-agreements.service.js';
import { ewpExchangeRoutes } from './modules/ewp-exchange/ewp-exchange.routes.js';
import { createEwpExchangeService } from './modules/ewp-exchange/ewp-exchange.service.js';
import { gradingRoutes } from './modules/grading/grading.routes.js';
import { createGradingService } from './modules/grading/grading.service.js';
import { recognitionRoutes } from './modules/recognition/recognition.routes.js';
import { createRecognitionService } from './modules/recognition/recognition.service.js';
import { lettersRoutes } from './modules/letters/letters.routes.js';
import { createLettersService } from './modules/letters/letters.service.js';
import { createChecklistsService } from './modules/checklists/checklists.service.js';
import { createChecklistActions } from './modules/checklists/checklist-actions.service.js';
import { checklistsRoutes } from './modules/checklists/checklists.routes.js';
import { nominationsRoutes } from './modules/nominations/nominations.routes.js';
import { createNominationsService } from './modules/nominations/nominations.service.js';
import { institutionsRoutes } from './modules/institutions/institutions.routes.js';
import { createInstitutionsService } from './modules/institutions/institutions.service.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { createReportsService } from './modules/reports/reports.service.js';
import { quotasRoutes } from './modules/quotas/quotas.routes.js';
import { createQuotasService } from './modules/quotas/quotas.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { createUsersService } from './modules/users/users.service.js';
import { userImportRoutes } from './modules/user-import/user-import.routes.js';
import { createUserImportService } from './modules/user-import/user-import.service.js';
import authPlugin, { apiPrefix } from './plugins/auth.js';
import clientAddressPlugin from './plugins/client-address.js';
import databasePlugin from './plugins/database.js';
import errorsPlugin, { sendProblem } from './plugins/errors.js';
import openapiPlugin from './plugins/openapi.js';
import securityPlugin from './plugins/security.js';

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailWorker;
    reminders: Reminders;
    planReminders: PlanReminders;
    expiryWarnings: ExpiryWarnings;
  }
}

export type BuildOptions = {
  config: Pick<Config, 'jwtSecret' | 'rateLimitMax' | 'logLevel' | 'dataDir' | 'smtpUrl'> &
    Partial<Pick<Config, 'origin' | 'mailFrom' | 'reminderIntervalSeconds' | 'planReminderDays'>>;
  database: DatabaseHandle;
  /** Close the database with the app (the server does; tests share one per file). */
  closeDatabase?: boolean;
  /** Access-token lifetime; short, since the web renews it quietly. */
  tokenTtlSeconds?: number;
  logger?: FastifyServerOptions['logger'];
  /** The system's clock; tests set it to try deadlines. */
  clock?: () => Date;
  /** Send the mail outbox and the checklist reminders in the background (the server does; tests call `deliverDue`, `reminders.sendDue`). */
  startMailWorker?: boolean;
};

/**
 * The log's settings: no tokens, and request paths without their query strings, which may
 * carry personal data (a search for a name or a passport number).
 */
export const loggerOptions = (level: string) => ({
  level,
  redact: ['req.headers.authorization'],
  serializers: {
    req: (request: { method: string; url: string; host?: string; ip?: string }) => ({
      method: request.method,
      url: request.url.split('?')[0],
      host: request.host,
      remoteAddress: request.ip,
    }),
  },
});

/** JSON bodies above this are refused with 413; document uploads set their own limit. */
export const bodyLimitBytes = 1024 * 1024;

export async function buildApp(options: BuildOptions) {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(options.config.logLevel),
    bodyLimit: bodyLimitBytes,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    // Behind the web server or a load balancer: the peer address is theirs, the client's comes signed.
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
    genReqId: () => crypto.randomUUID(),
    // Errors the router raises before any hook (a malformed URL, an over-long id) are problems too.
    frameworkErrors: (error, request, reply) =>
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendProblem(request, reply, 414, 'uri_too_long', 'A part of the address is too long.')
        : sendProblem(request, reply, 400, 'bad_request', 'The URL is malformed.'),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Infrastructure: shared by every feature module.
  await app.register(errorsPlugin);
  await app.register(databasePlugin, { database: options.database, closeOnShutdown: options.closeDatabase ?? true });
  await app.register(securityPlugin);
  await app.register(clientAddressPlugin, { secret: options.config.jwtSecret });
  await app.register(authPlugin, {
    secret: options.config.jwtSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 15 * 60,
    rateLimitMax: options.config.rateLimitMax,
  });
  await app.register(openapiPlugin);

  const db = app.db;
  const clock = options.clock ?? (() => new Date());
  const origin = options.config.origin ?? defaultOrigin;
  const mail = createMailWorker({
    db,
    smtpUrl: options.config.smtpUrl,
    outboxDir: path.join(options.config.dataDir, 'outbox'),
    origin,
    from: options.config.mailFrom ?? defaultMailFrom(origin),
    clock,
    log: app.log,
  });
  app.decorate('mail', mail);
  if (options.startMailWorker) mail.start();
  app.addHook('onClose', () => mail.stop());
  // Checklist reminders run where the mail worker runs: each step is announced once, whichever instance takes it.
  const reminders = createReminders({ db, clock, log: app.log });
  app.decorate('reminders', reminders);
  if (options.startMailWorker) reminders.start((options.config.reminderIntervalSeconds ?? 300) * 1000);
  app.addHook('onClose', () => reminders.stop());
  // The plan's deadline reminders and the agreements' expiry warnings run with them, once each whichever instance sends.
  const planReminders = createPlanReminders({ db, clock, daysAhead: options.config.planReminderDays ?? defaultPlanReminderDays, log: app.log });
  const expiryWarnings = createExpiryWarnings({ db, clock, log: app.log });
  app.decorate('planReminders', planReminders);
  app.decorate('expiryWarnings', expiryWarnings);
  if (options.startMailWorker) {
    reminders.alsoRun(planReminders.sendDue);
    reminders.alsoRun(expiryWarnings.sendDue);
  }

  // Feature modules, each encapsulated, registered explicitly.
  const users = createUsersService({ db });
  const auth = createAuthService({ db, limiter: createRateLimiter(db), users, issueToken: app.issueToken });
  const account = createAccountService({ db, limiter: createRateLimiter(db), users, issueToken: app.issueToken });
  const agreements = createAgreementsService({ db, clock });
  const quotas = createQuotasService({ db, agreements });
  const calls = createCallsService({ db });
  const applications = createApplicationsService({ db, clock, calls });
  const letters = createLettersService({ db, origin });
  // The mobility and its nomination cancel each other: each reaches the other through a port.
  const learningAgreements = createLearningAgreementsService({ db, clock });
  const mobilities = createMobilitiesService({
    db,
    clock,
    letters,
    checklist: createChecklistsService(),
    learningAgreements,
    nominations: () => nominations,
  });
  const ewp = createEwpExchangeService({ db, clock, learningAgreements });
  const recognition = createRecognitionService({ db, clock, learningAgreements, mobilities: mobilities.hooks });
  const nominations = createNominationsService({ db, clock, applications, mobilities: mobilities.hooks });
  const allocation = createAllocationService({ db, clock, calls, applications, nominations });
  const reports = createReportsService({ db });
  const institutions = createInstitutionsService({ db });
  const audit = createAuditService({ db });
  const notifications = createNotificationsService({ db });
  // Events and registrations share the waiting list; the others reach events through their services.
  const secret = options.config.jwtSecret;
  const waitingList = createWaitingList({ db });
  const events = createEventsService({ db, waitingList, clock });
  const registrations = createRegistrationsService({ db, secret, events, waitingList, clock });
  const checkIn = createCheckInService({ db, events, registrations });
  const calendar = createCalendarService({ db, secret, events, registrations });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes, { auth });
      await api.register(accountRoutes, { account });
      await api.register(singleSignOnRoutes, {
        providers: createIdentityProvidersService({ db }),
        signIn: createOidcSignInService({ db, origin, issueToken: app.issueToken, log: app.log }),
      });
      await api.register(usersRoutes, { users });
      await api.register(userImportRoutes, { userImports: createUserImportService({ db }) });
      await api.register(institutionsRoutes, { institutions });
      await api.register(agreementsRoutes, { agreements });
      await api.register(planRoutes, { plan: createPlanService({ db, clock, agreements }) });
      await api.register(quotasRoutes, { quotas });
      await api.register(callsRoutes, { calls });
      await api.register(applicationsRoutes, { applications });
      await api.register(allocationRoutes, { allocation });
      await api.register(nominationsRoutes, { nominations });
      await api.register(mobilitiesRoutes, { mobilities });
      await api.register(lettersRoutes, { letters });
      await api.register(learningAgreementsRoutes, { learningAgreements });
      await api.register(gradingRoutes, { grading: createGradingService({ db }) });
      await api.register(recognitionRoutes, { recognition });
      await api.register(ewpExchangeRoutes, { ewp });
      await api.register(checklistsRoutes, { checklists: createChecklistActions({ db, clock }) });
      await api.register(reportsRoutes, { reports });
      await api.register(eventsRoutes, { events });
      await api.register(registrationsRoutes, { registrations });
      await api.register(checkInRoutes, { checkIn });
      await api.register(calendarRoutes, { calendar });
      await api.register(auditRoutes, { audit });
      await api.register(notificationsRoutes, { notifications });
    },
    { prefix: apiPrefix },
  );

  await app.ready();
  return app;
}
export type App = Awaited<ReturnType<typeof buildApp>>;
