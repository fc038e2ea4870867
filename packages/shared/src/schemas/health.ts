/** What the probes answer: the process lives (`/health`), the database answers (`/ready`). */
import { z } from 'zod';

export const liveness = z.object({ status: z.literal('ok') });
export const readiness = z.object({ status: z.literal('ready') });
