/**
 * Typed calls to the exchange API, made by the web server on behalf of one user: the feature
 * clients composed over one transport (`client/transport.ts`). Every request and answer type
 * comes from `@exchange/shared`; answers are checked with its schemas.
 */
import { createAccountsApi } from './client/accounts.js';
import { createAgreementsApi } from './client/agreements.js';
import { createApplicationsApi } from './client/applications.js';
import { createEventsApi } from './client/events.js';
import { createEwpApi } from './client/ewp.js';
import { createGradingApi } from './client/grading.js';
import { createLearningAgreementsApi } from './client/learning-agreements.js';
import { createLettersApi } from './client/letters.js';
import { createMobilitiesApi } from './client/mobilities.js';
import { createNominationsApi } from './client/nominations.js';
import { createOwnAccountApi } from './client/own-account.js';
import { createPeopleApi } from './client/people.js';
import { createPlanApi } from './client/plan.js';
import { createRecognitionApi } from './client/recognition.js';
import { createTransport, type ApiContext } from './client/transport.js';

export { ApiError, badResponse, fieldErrorsByName, parseProblem, unavailable, type ApiContext } from './client/transport.js';

export function createApi(context: ApiContext) {
  const transport = createTransport(context);
  return {
    ...createAccountsApi(transport),
    ...createAgreementsApi(transport),
    events: createEventsApi(transport),
    letters: createLettersApi(transport),
    exchange: { ...createApplicationsApi(transport), ...createNominationsApi(transport) },
    mobilities: createMobilitiesApi(transport),
    learningAgreements: createLearningAgreementsApi(transport),
    ewp: createEwpApi(transport),
    recognition: createRecognitionApi(transport),
    grading: createGradingApi(transport),
    ownAccount: createOwnAccountApi(transport),
    people: createPeopleApi(transport),
    plan: createPlanApi(transport),
  };
}

export type Api = ReturnType<typeof createApi>;
export type EventsApi = Api['events'];
export type ExchangeApi = Api['exchange'];
export type MobilitiesApi = Api['mobilities'];
export type LearningAgreementsApi = Api['learningAgreements'];
export type RecognitionApi = Api['recognition'];
export type GradingApi = Api['grading'];
