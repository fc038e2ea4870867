/** Grade scales, credit units, conversion tables, the transcript of records and recognition at home. */
import { z } from 'zod';
import { academicYear, calendarDate, id, instant, text } from './common.js';

const required = (max: number, message: string) => text(max).pipe(z.string().min(1, { message }));
const credits = z.number({ message: 'Credits are a number' }).min(0, { message: 'Credits cannot be negative' }).max(60).multipleOf(0.5);

export const gradeScale = z
  .strictObject({
    numeric: z
      .strictObject({ min: z.number().min(0), max: z.number().max(1000), passFrom: z.number() })
      .refine((value) => value.min < value.max && value.passFrom >= value.min && value.passFrom <= value.max, {
        message: 'The pass mark lies between the lowest and the highest grade',
        path: ['passFrom'],
      })
      .nullable()
      .default(null),
    grades: z
      .array(z.strictObject({ value: required(40, 'Name the grade'), passing: z.boolean() }))
      .max(20)
      .default([]),
  })
  .refine((value) => value.numeric !== null || value.grades.length > 0, { message: 'Give a numeric range or named grades', path: ['grades'] });

export const creditUnit = z.strictObject({
  name: required(40, 'Name the credit unit'),
  /** How many ECTS credits one credit of this unit is worth. */
  ectsFactor: z.number().positive().max(10),
});

export const institutionGrading = z.object({
  institutionId: id,
  gradeScale: gradeScale.nullable(),
  creditUnit: creditUnit.nullable(),
});
export type InstitutionGrading = z.infer<typeof institutionGrading>;
export const institutionGradingUpdate = z.strictObject({ gradeScale, creditUnit });

export const conversionRule = z.strictObject({
  from: z.union([
    z.strictObject({ min: z.number(), max: z.number() }).refine((band) => band.min <= band.max, { message: 'The band’s lower end comes first', path: ['max'] }),
    z.strictObject({ grade: required(40, 'Name the grade') }),
  ]),
  to: required(40, 'Name the grade it converts to'),
});
export const gradeConversion = z.object({
  fromInstitutionId: id,
  toInstitutionId: id,
  rules: z.array(conversionRule),
  updatedAt: instant.nullable(),
});
export type GradeConversion = z.infer<typeof gradeConversion>;
export const gradeConversionUpdate = z.strictObject({ rules: z.array(conversionRule).max(50) });
export const conversionParams = z.strictObject({ fromId: id, toId: id });

export const transcriptUpdate = z.strictObject({
  issuedOn: calendarDate,
  components: z
    .array(
      z.strictObject({
        code: required(40, 'Give the component’s code'),
        title: required(300, 'Give the component’s title'),
        credits,
        grade: required(40, 'Give the grade'),
        /** Follows from the grade on the host's scale; when given, it must agree. */
        passed: z.boolean().optional(),
        date: calendarDate,
      }),
    )
    .min(1, { message: 'List at least one component' })
    .max(60),
});
export const transcript = z.object({
  issuedOn: z.string(),
  components: z.array(z.object({ code: z.string(), title: z.string(), credits: z.number(), grade: z.string(), passed: z.boolean(), date: z.string() })),
  recordedAt: instant,
  recordedBy: z.object({ id, name: z.string() }),
});
export type Transcript = z.infer<typeof transcript>;

export const recognitionRequest = z.strictObject({
  components: z
    .array(
      z.strictObject({
        code: required(40, 'Name the home component'),
        recognised: z.boolean(),
        homeGrade: text(40).nullable().default(null),
        homeCredits: credits,
        note: text(1000).nullable().default(null),
      }),
    )
    .min(1, { message: 'Decide on at least one component' })
    .max(40),
});
const decided = z.object({ code: z.string(), recognised: z.boolean(), homeGrade: z.string().nullable(), homeCredits: z.number(), note: z.string().nullable() });
export const recognition = z.object({
  mobilityId: id,
  transcript: transcript.nullable(),
  /** What the conversion table and the learning agreement suggest, one line per home component. */
  proposal: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      recognised: z.boolean(),
      homeGrade: z.string().nullable(),
      homeCredits: z.number(),
      from: z.array(z.string()),
    }),
  ),
  decision: z.object({ components: z.array(decided), decidedAt: instant, decidedBy: z.object({ id, name: z.string() }) }).nullable(),
});
export type Recognition = z.infer<typeof recognition>;

export const recognitionReportQuery = z.strictObject({ academicYear });
export const recognitionReport = z.object({
  academicYear: z.string(),
  items: z.array(
    z.object({
      sendingInstitutionId: id,
      receivingInstitutionId: id,
      mobilities: z.number().int(),
      /** Host components in the learning agreements in force. */
      planned: z.number().int(),
      /** Host components the transcripts show passed. */
      passed: z.number().int(),
      /** Home components recognised. */
      recognised: z.number().int(),
      creditsPlanned: z.number(),
      creditsPassed: z.number(),
      creditsRecognised: z.number(),
    }),
  ),
});
