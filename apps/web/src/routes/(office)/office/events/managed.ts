import type { Centre, User } from '@exchange/shared';
import { canManageCentreEvents } from '@exchange/shared';

/** The centres whose events this person runs. */
export const managedCentres = (centres: Centre[], user: User | null) => centres.filter((centre) => canManageCentreEvents(user, centre.institutionId));
