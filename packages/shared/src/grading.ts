/**
 * Grades and credits across the border. Each institution declares its scale (a numeric range
 * with a pass mark, such as 0–100 passing at 60, and/or named grades such as 5-point 2–5 and
 * зачёт/незачёт) and its credit unit with its factor to ECTS; two offices keep a conversion
 * table between their scales. Recognition proposes the home grade and credits from these.
 */

export type GradeScale = {
  /** A numeric range and its pass mark, e.g. 0–100, passing from 60. */
  numeric: { min: number; max: number; passFrom: number } | null;
  /** Named grades, each passing or not: '5', '4', '3', '2'; 'зачёт', 'незачёт'; '合格', '不合格'. */
  grades: { value: string; passing: boolean }[];
};
export type CreditUnit = { name: string; ectsFactor: number };

/** One line of a conversion table: a band of the numeric scale, or a named grade, to a grade of the other scale. */
export type ConversionRule = { from: { min: number; max: number } | { grade: string }; to: string };

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const asNumber = (grade: string) => (/^\d+(\.\d+)?$/.test(grade.trim()) ? Number(grade) : null);

/** Whether a grade exists on the scale, and whether it passes. */
export function gradeOn(scale: GradeScale, grade: string): { valid: boolean; passing: boolean } {
  const named = scale.grades.find((entry) => same(entry.value, grade));
  if (named) return { valid: true, passing: named.passing };
  const value = asNumber(grade);
  if (scale.numeric && value !== null && value >= scale.numeric.min && value <= scale.numeric.max) {
    return { valid: true, passing: value >= scale.numeric.passFrom };
  }
  return { valid: false, passing: false };
}

/** The grade a conversion table gives for `grade`, or null when no line covers it. */
export function convertGrade(rules: ConversionRule[], grade: string): string | null {
  const value = asNumber(grade);
  for (const rule of rules) {
    if ('grade' in rule.from ? same(rule.from.grade, grade) : value !== null && value >= rule.from.min && value <= rule.from.max) return rule.to;
  }
  return null;
}

/** Credits in another unit, through ECTS, to the half credit. */
export const convertCredits = (credits: number, from: CreditUnit, to: CreditUnit) => Math.round(((credits * from.ectsFactor) / to.ectsFactor) * 2) / 2;

/** Lines of a table whose numeric bands overlap: the same grade would convert two ways. */
export function overlappingBands(rules: ConversionRule[]): number[] {
  const bands = rules.flatMap((rule, index) => ('min' in rule.from ? [{ ...rule.from, index }] : []));
  return bands.filter((band) => bands.some((other) => other.index < band.index && other.min <= band.max && band.min <= other.max)).map((band) => band.index);
}

type Studied = { code: string; credits: number };
type Graded = { code: string; credits: number; grade: string; passed: boolean };
type Home = { code: string; title: string; credits: number };
export type ProposedRecognition = { code: string; title: string; recognised: boolean; homeGrade: string | null; homeCredits: number; from: string[] };

/**
 * What recognition proposes for each home component of the learning agreement: the host
 * components it stands for (one for one when both lists are as long, else all of them), passed
 * or not; the home grade converted from their credit-weighted mean (or their shared named
 * grade); the credits the agreement names when every one of them passed.
 */
export function proposeRecognition(studied: Studied[], home: Home[], transcript: Graded[], rules: ConversionRule[]): ProposedRecognition[] {
  return home.map((component, index) => {
    const mapped = studied.length === home.length ? [studied[index]!] : studied;
    const results = mapped.map((host) => transcript.find((line) => same(line.code, host.code)));
    const complete = results.every((line): line is Graded => Boolean(line));
    const passed = complete && results.every((line) => line.passed);
    let grade: string | null = null;
    if (complete && results.length > 0) {
      const numbers = results.map((line) => asNumber(line.grade));
      const credits = results.reduce((sum, line) => sum + line.credits, 0);
      if (numbers.every((n): n is number => n !== null) && credits > 0) {
        const mean = numbers.reduce((sum, n, i) => sum + n * results[i]!.credits, 0) / credits;
        grade = convertGrade(rules, String(Math.round(mean)));
      } else if (results.every((line) => same(line.grade, results[0]!.grade))) {
        grade = convertGrade(rules, results[0]!.grade);
      }
    }
    return {
      code: component.code,
      title: component.title,
      recognised: passed,
      homeGrade: passed ? grade : null,
      homeCredits: passed ? component.credits : 0,
      from: mapped.map((host) => host.code),
    };
  });
}
