/** Checklist templates of receiving institutions, and the proofs uploaded for a mobility's steps. */
import { z } from 'zod';
import { checklistOwners } from '../mobility-rules.js';
import { id, instant, text } from './common.js';

/** Due rules reach at most a year before the start or after the arrival. */
export const dueRuleMaxDays = 365;

const required = (max: number) => text(max).pipe(z.string().min(1, { message: 'Required' }));

export const dueRule = z.strictObject({
  anchor: z.enum(['start', 'arrival']),
  days: z
    .number()
    .int()
    .min(-dueRuleMaxDays, { message: `At most ${dueRuleMaxDays} days` })
    .max(dueRuleMaxDays, { message: `At most ${dueRuleMaxDays} days` }),
  unit: z.enum(['calendar', 'working']),
});

export const checklistTemplateStep = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'Lower-case letters, digits and hyphens' })
    .max(60)
    // The host's requested documents are numbered `document-N` on each mobility.
    .refine((key) => !/^document-\d+$/.test(key), { message: 'document-N keys are kept for the documents asked for at admission' }),
  /** Shown to the student and both offices: all three languages. */
  title: z.strictObject({ ru: required(300), zh: required(300), en: required(300) }),
  owner: z.enum(checklistOwners),
  dueRule: dueRule.nullable(),
  minStayDays: z.number().int().min(1).max(730).nullable(),
  requiresProof: z.boolean(),
});

export const checklistTemplate = z.object({ institutionId: id, steps: z.array(checklistTemplateStep) });

export const checklistTemplateUpdate = z.strictObject({
  steps: z
    .array(checklistTemplateStep)
    .max(50)
    .superRefine((steps, context) => {
      const seen = new Set<string>();
      steps.forEach((step, index) => {
        if (seen.has(step.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: `The key ${step.key} is used twice` });
        seen.add(step.key);
      });
    }),
});

export const mobilityDocument = z.object({ id, fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: instant });
