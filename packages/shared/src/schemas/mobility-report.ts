/** `GET /reports/mobilities`: per direction, where the year's students stand, months and funding. */
import { z } from 'zod';
import { academicYear, id } from './common.js';

export const mobilityReportQuery = z.strictObject({ academicYear });

export const mobilityReport = z.object({
  academicYear: z.string(),
  directions: z.array(
    z.object({
      sendingInstitutionId: id,
      receivingInstitutionId: id,
      preparing: z.number().int(),
      abroad: z.number().int(),
      /** Back home after the full stay; an interrupted stay counts under `interrupted` only. */
      returned: z.number().int(),
      recognised: z.number().int(),
      interrupted: z.number().int(),
      cancelled: z.number().int(),
      /** Months the non-cancelled stays use, against the direction's lines' `totalMonths` (null: no limit on any line). */
      monthsUsed: z.number().int(),
      totalMonths: z.number().int().nullable(),
      /** Sum of monthly amount × months, per currency. */
      funding: z.array(z.object({ currency: z.string(), total: z.number() })),
    }),
  ),
});
export type MobilityReport = z.infer<typeof mobilityReport>;
