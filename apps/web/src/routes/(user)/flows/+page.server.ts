import { academicYearOf, isAcademicYear } from '@exchange/shared';
import { academicYearsAround } from '$lib/exchange/flows';
import { institutionsOf } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const asked = event.url.searchParams.get('academicYear') ?? '';
  const academicYear = isAcademicYear(asked) ? asked : academicYearOf(new Date());
  try {
    const [flows, mobilities, recognition, institutions] = await Promise.all([
      event.locals.api.exchange.flows(academicYear),
      event.locals.api.mobilities.report(academicYear),
      event.locals.api.recognition.report(academicYear),
      institutionsOf(event.locals.api),
    ]);
    // The credit units name the credits of the recognition report: the host's, and the home institution's.
    const gradings = await Promise.all(institutions.map((institution) => event.locals.api.grading.grading(institution.id)));
    const creditUnits = Object.fromEntries(gradings.map((grading) => [grading.institutionId, grading.creditUnit]));
    const years = [...new Set([...academicYearsAround(new Date()), academicYear])].sort();
    return { flows, mobilities, recognition, creditUnits, institutions, academicYear, years };
  } catch (cause) {
    pageError(cause, event);
  }
};
