/** The whole authorization matrix: every area's table, by area. */
import { accounts } from './accounts.js';
import { agreements } from './agreements.js';
import { applications } from './applications.js';
import { checklists } from './checklists.js';
import { events } from './events.js';
import { ewpRows } from './ewp.js';
import { learningAgreements } from './learning-agreements.js';
import { letters } from './letters.js';
import { mobilityRows } from './mobilities.js';
import { nominations } from './nominations.js';
import { people } from './people.js';
import { plan } from './plan.js';
import { recognitionRows } from './recognition.js';
import { signIn } from './sign-in.js';

export const areas = {
  accounts,
  signIn,
  agreements,
  plan,
  applications,
  nominations,
  events,
  checklists,
  letters,
  learningAgreements,
  recognition: recognitionRows,
  mobilities: mobilityRows,
  ewp: ewpRows,
  people,
};
