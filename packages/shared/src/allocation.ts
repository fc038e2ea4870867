/**
 * Fair allocation of exchange places: serial dictatorship under one ranking, which is what
 * student-proposing deferred acceptance gives when every line ranks students the same way.
 * Students are taken in order (score, then GPA, then earlier submission); each gets the
 * highest preference that still has a free seat. Pure and deterministic: the API's dry run,
 * its confirmation, the tests and the benchmark all run this one function.
 */
import type { Locale } from './enums.js';

export type AllocationApplicant = {
  id: string;
  score: number;
  gpa: number;
  /** ISO instant */
  submittedAt: string;
  /** Quota line ids, first choice first. */
  preferences: string[];
  /**
   * Lines whose partner already rejected this student: skipped (never offered again), but
   * they keep their rank so the reason names the choice as the student ranked it.
   */
  rejectedOn?: string[];
};

export type AllocationInput = {
  applicants: AllocationApplicant[];
  /** Seats still free on each line, after nominations made outside this allocation. */
  freeSeats: Record<string, number>;
};

/** A preference that was full at the student's turn, and who took its last seat. */
export type FullChoice = { quotaId: string; rank: number; lastSeat: { applicantId: string; score: number } | null };

export type AllocationOutcome = {
  applicantId: string;
  /** 1 for the first student in the ranking. */
  order: number;
  placed: { quotaId: string; rank: number } | null;
  fullBefore: FullChoice[];
  /** Preferences skipped because that partner rejected the student. */
  rejectedBefore: { quotaId: string; rank: number }[];
  /** For a student not placed: their place in the waiting list of each preference. */
  waitlist: { quotaId: string; rank: number; position: number }[];
};

export type Allocation = { outcomes: AllocationOutcome[]; remaining: Record<string, number> };

/** The ranking: higher score, then higher GPA, then earlier submission, then id (for determinism). */
export function compareApplicants(a: AllocationApplicant, b: AllocationApplicant): number {
  return b.score - a.score || b.gpa - a.gpa || Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function allocate(input: AllocationInput): Allocation {
  const ranked = [...input.applicants].sort(compareApplicants);
  const remaining: Record<string, number> = { ...input.freeSeats };
  const lastSeat = new Map<string, { applicantId: string; score: number }>();
  const waiting = new Map<string, number>();
  const outcomes = ranked.map((applicant, index): AllocationOutcome => {
    const fullBefore: FullChoice[] = [];
    const rejectedBefore: AllocationOutcome['rejectedBefore'] = [];
    const rejected = new Set(applicant.rejectedOn ?? []);
    let placed: AllocationOutcome['placed'] = null;
    for (const [position, quotaId] of applicant.preferences.entries()) {
      if (rejected.has(quotaId)) {
        rejectedBefore.push({ quotaId, rank: position + 1 });
        continue;
      }
      if ((remaining[quotaId] ?? 0) > 0) {
        remaining[quotaId] = remaining[quotaId]! - 1;
        lastSeat.set(quotaId, { applicantId: applicant.id, score: applicant.score });
        placed = { quotaId, rank: position + 1 };
        break;
      }
      fullBefore.push({ quotaId, rank: position + 1, lastSeat: lastSeat.get(quotaId) ?? null });
    }
    const waitlist = placed
      ? []
      : applicant.preferences.flatMap((quotaId, position) => {
          if (rejected.has(quotaId)) return [];
          const place = (waiting.get(quotaId) ?? 0) + 1;
          waiting.set(quotaId, place);
          return [{ quotaId, rank: position + 1, position: place }];
        });
    return { applicantId: applicant.id, order: index + 1, placed, fullBefore, rejectedBefore, waitlist };
  });
  return { outcomes, remaining };
}

// ——— reasons in plain words ———

const ordinal: Record<Locale, (n: number) => string> = {
  en: (n) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`,
  ru: (n) => `${n}-й`,
  zh: (n) => `第${n}`,
};

const score = (value: number) => String(Math.round(value * 100) / 100);

function fullText(choice: FullChoice, locale: Locale, line: (quotaId: string) => string): string {
  const name = line(choice.quotaId);
  const n = ordinal[locale](choice.rank);
  if (locale === 'ru') {
    return choice.lastSeat
      ? `${n} выбор ${name} заполнен, последнее место досталось баллу ${score(choice.lastSeat.score)}`
      : `${n} выбор ${name}: свободных мест не было`;
  }
  if (locale === 'zh') {
    return choice.lastSeat ? `${n}志愿${name}已满，最后一个名额给了${score(choice.lastSeat.score)}分的申请人` : `${n}志愿${name}没有空余名额`;
  }
  return choice.lastSeat
    ? `${n} choice ${name} full, its last seat went to a score of ${score(choice.lastSeat.score)}`
    : `${n} choice ${name} had no free seats`;
}

function rejectedText(choice: { quotaId: string; rank: number }, locale: Locale, line: (quotaId: string) => string): string {
  const n = ordinal[locale](choice.rank);
  if (locale === 'ru') return `${n} выбор ${line(choice.quotaId)} отклонил кандидатуру`;
  if (locale === 'zh') return `${n}志愿${line(choice.quotaId)}已拒绝该提名`;
  return `${n} choice ${line(choice.quotaId)} rejected the nomination`;
}

/** Why a student got what they got, in the reader's language. */
export function describeOutcome(outcome: AllocationOutcome, locale: Locale, line: (quotaId: string) => string): string {
  // The choices passed over, in the student's order: rejected by the partner or full.
  const fulls = [
    ...outcome.fullBefore.map((choice) => ({ rank: choice.rank, text: fullText(choice, locale, line) })),
    ...outcome.rejectedBefore.map((choice) => ({ rank: choice.rank, text: rejectedText(choice, locale, line) })),
  ]
    .sort((a, b) => a.rank - b.rank)
    .map((choice) => choice.text);
  const n = ordinal[locale];
  if (outcome.placed) {
    const name = line(outcome.placed.quotaId);
    if (locale === 'ru') return `Место: ${n(outcome.placed.rank)} выбор ${name}${fulls.length ? `; ${fulls.join('; ')}` : ''}.`;
    if (locale === 'zh') return `录取于${n(outcome.placed.rank)}志愿${name}${fulls.length ? `；${fulls.join('；')}` : ''}。`;
    return `Placed at ${n(outcome.placed.rank)} choice ${name}${fulls.length ? `: ${fulls.join('; ')}` : ''}.`;
  }
  const waits = outcome.waitlist.map((entry) =>
    locale === 'ru'
      ? `${entry.position}-й в листе ожидания ${line(entry.quotaId)}`
      : locale === 'zh'
        ? `${line(entry.quotaId)}候补第${entry.position}位`
        : `waitlisted ${n(entry.position)} for ${line(entry.quotaId)}`,
  );
  const count = outcome.waitlist.length;
  const rejections = outcome.rejectedBefore.map((choice) => rejectedText(choice, locale, line));
  if (rejections.length > 0) {
    if (locale === 'ru')
      return `Не размещён: ${rejections.join('; ')}; ${count ? `остальные выборы (${count}) заполнены; ${waits.join(', ')}` : 'других выборов нет'}.`;
    if (locale === 'zh') return `未录取：${rejections.join('；')}；${count ? `其余${count}个志愿均已满；${waits.join('，')}` : '没有其他志愿'}。`;
    return `Not placed: ${rejections.join('; ')}; ${count ? `the other ${count === 1 ? 'choice' : `${count} choices`} full; ${waits.join(', ')}` : 'no other choice'}.`;
  }
  if (locale === 'ru') return `Не размещён: все выборы (${count}) заполнены; ${waits.join(', ')}.`;
  if (locale === 'zh') return `未录取：全部${count}个志愿均已满；${waits.join('，')}。`;
  return `Not placed: all ${count} ${count === 1 ? 'choice' : 'choices'} full; ${waits.join(', ')}.`;
}
