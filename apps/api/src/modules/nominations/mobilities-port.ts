import type { Executor } from '@exchange/db';
import type { MobilityType } from '@exchange/shared';
import type { Who } from '../../lib/audit.js';

type Approved = { id: string; applicationId: string; quotaId: string; sendingInstitutionId: string; receivingInstitutionId: string };

/** A mobility exists exactly while its nomination is approved (the mobilities service provides these). */
export type Mobilities = {
  open(tx: Executor, who: Who, nomination: Approved, quota: { academicYear: string; mobilityType: MobilityType }, studentId: string): Promise<unknown>;
  discard(tx: Executor, nominationId: string): Promise<void>;
  close(tx: Executor, who: Who, nominationId: string, reason: string | null): Promise<void>;
};
