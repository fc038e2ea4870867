/** The learning agreement (modelled on the EWP Online Learning Agreement v1.2): drafts, proposals, signatures. */
import { z } from 'zod';
import { locales } from '../enums.js';
import {
  componentChanges,
  learningAgreementKinds,
  learningAgreementStatuses,
  learningAgreementVersionStatuses,
  signatureSides,
} from '../learning-agreements.js';
import { languageRequirement } from './agreements.js';
import { id, instant, text } from './common.js';

const required = (max: number, message: string) => text(max).pipe(z.string().min(1, { message }));

/** A change proposal marks what it adds or removes, each with a reason; the first version marks nothing. */
const marks = {
  change: z.enum(componentChanges).nullable().default(null),
  reason: text(500).nullable().default(null),
};
const componentFields = {
  code: required(40, 'Give the component’s code from the catalogue'),
  title: required(300, 'Give the component’s title'),
  credits: z
    .number({ message: 'Credits are a number' })
    .min(0, { message: 'Credits cannot be negative' })
    .max(60, { message: 'At most 60 credits for one component' })
    .multipleOf(0.5, { message: 'Credits come in halves at most' }),
};

/** A component to study at the host: its code and title in the host's catalogue, credits in the host's unit, the term. */
export const studiedComponent = z.strictObject({ ...componentFields, term: required(60, 'Say in which term'), ...marks });
export type StudiedComponent = z.infer<typeof studiedComponent>;
/** A component of the home programme the host's components will be recognised as. */
export const recognisedComponent = z.strictObject({ ...componentFields, ...marks });
export type RecognisedComponent = z.infer<typeof recognisedComponent>;

const catalogueUrl = z
  .url({ protocol: /^https?$/, message: 'A web address starting with https://' })
  .max(500)
  .nullable()
  .default(null);

/** What the student writes: both lists, the language of instruction and where the catalogues are. */
export const learningAgreementDraftUpdate = z
  .strictObject({
    studied: z.array(studiedComponent).max(40).default([]),
    recognised: z.array(recognisedComponent).max(40).default([]),
    languageOfInstruction: languageRequirement.nullable().default(null),
    hostCatalogueUrl: catalogueUrl,
    homeCatalogueUrl: catalogueUrl,
  })
  .superRefine((value, context) => {
    for (const list of ['studied', 'recognised'] as const) {
      const seen = new Set<string>();
      value[list].forEach((component, index) => {
        const code = component.code.trim().toLowerCase();
        if (seen.has(code)) context.addIssue({ code: 'custom', message: 'Each component is listed once', path: [list, index, 'code'] });
        seen.add(code);
      });
    }
  });
export type LearningAgreementDraftUpdate = z.input<typeof learningAgreementDraftUpdate>;
export type LearningAgreementContent = z.output<typeof learningAgreementDraftUpdate>;

const content = {
  studied: z.array(studiedComponent),
  recognised: z.array(recognisedComponent),
  languageOfInstruction: languageRequirement.nullable(),
  hostCatalogueUrl: z.string().nullable(),
  homeCatalogueUrl: z.string().nullable(),
};

export const signature = z.object({ by: z.object({ id, name: z.string() }), at: instant }).nullable();
export type Signature = z.infer<typeof signature>;

export const learningAgreementVersion = z.object({
  number: z.number().int(),
  kind: z.enum(learningAgreementKinds),
  proposalId: id,
  status: z.enum(learningAgreementVersionStatuses),
  ...content,
  signatures: z.object({ student: signature, sending: signature, receiving: signature }),
  /** Whose signature the proposal waits for, while it is proposed. */
  awaiting: z.enum(signatureSides).nullable(),
  /** Why an office sent it back, in the words and language it was written in. */
  comment: z
    .object({
      side: z.enum(['sending', 'receiving']),
      by: z.object({ id, name: z.string() }),
      at: instant,
      text: z.string(),
      locale: z.enum(locales).nullable(),
    })
    .nullable(),
  proposedAt: instant,
  signedAt: instant.nullable(),
});
export type LearningAgreementVersion = z.infer<typeof learningAgreementVersion>;

export const learningAgreement = z.object({
  mobilityId: id,
  status: z.enum(learningAgreementStatuses),
  /** The last signed version: it stays in force until a change is signed. */
  inForce: learningAgreementVersion.nullable(),
  /** The proposal awaiting signatures, if any. */
  pending: learningAgreementVersion.nullable(),
  /** What the student is writing: the first version, or a change to the one in force. */
  draft: z.object({ kind: z.enum(learningAgreementKinds), ...content, updatedAt: instant }).nullable(),
  /** Every proposal, the oldest first; signed and returned ones never change. */
  history: z.array(learningAgreementVersion),
});
export type LearningAgreement = z.infer<typeof learningAgreement>;

/** What the mobility shows of its learning agreement. */
export const learningAgreementSummary = z.object({
  status: z.enum(learningAgreementStatuses),
  proposalId: id.nullable(),
  awaiting: z.enum(signatureSides).nullable(),
  signedAt: instant.nullable(),
  /** A change to the signed agreement is being written or signed. */
  changePending: z.boolean(),
});
export type LearningAgreementSummary = z.infer<typeof learningAgreementSummary>;

export const learningAgreementApproval = z.strictObject({ proposalId: id });
export const learningAgreementComment = z.strictObject({
  proposalId: id,
  comment: required(2000, 'Say what should change'),
  /** The language the comment is written in (the page's); the writer's account language when left out. */
  locale: z.enum(locales).optional(),
});
/** The draft the student saw when signing: a draft changed since (in another tab) is not signed unseen. */
export const learningAgreementProposal = z.strictObject({ draftUpdatedAt: instant.optional() }).nullish();
export const learningAgreementPdfQuery = z.strictObject({ locale: z.enum(locales).optional() });
