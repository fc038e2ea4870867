/**
 * The learning agreement's rules, shared by the API (which enforces them) and the web (which
 * shows the same diff the API checks): which components a version keeps in force, how a change
 * proposal marks what it adds and removes, and what differs between two versions.
 */

/** A proposal's life: the student proposes (and so signs), the offices sign or send it back. */
export const learningAgreementVersionStatuses = ['proposed', 'returned', 'signed'] as const;
export type LearningAgreementVersionStatus = (typeof learningAgreementVersionStatuses)[number];

/** The first version, then change proposals against the version in force. */
export const learningAgreementKinds = ['first', 'changes'] as const;
export type LearningAgreementKind = (typeof learningAgreementKinds)[number];

export const componentChanges = ['added', 'removed'] as const;
export type ComponentChange = (typeof componentChanges)[number];

/** The three signatures, in the order they are given. */
export const signatureSides = ['student', 'sending', 'receiving'] as const;
export type SignatureSide = (typeof signatureSides)[number];

/** The whole agreement at a glance: nothing yet, being written, awaiting signatures, sent back, or in force. */
export const learningAgreementStatuses = ['none', 'draft', 'proposed', 'returned', 'signed'] as const;
export type LearningAgreementStatus = (typeof learningAgreementStatuses)[number];

type Marked = { code: string; change?: ComponentChange | null; reason?: string | null };

/** The components a version keeps: a change proposal lists what it removes too, marked `removed`. */
export const inForce = <T extends Marked>(components: T[]): T[] => components.filter((component) => component.change !== 'removed');

/** Components are told apart by their code, which is the same in both catalogues' listings. */
const key = (code: string) => code.trim().toLowerCase();

/** A problem of one component (`index`), or of the whole list (`index` null). */
export type ChangeProblem = { index: number | null; field: 'change' | 'reason' | 'code'; code: string; message: string };

/**
 * Checks a change proposal's list against the components in force: an unmarked component must
 * be in force as it is, an added one must be new, a removed one must be in force, each change
 * needs a reason, and nothing in force may silently disappear.
 */
export function changeProblems<T extends Marked & { title: string; credits: number }>(proposed: T[], current: T[]): ChangeProblem[] {
  const problems: ChangeProblem[] = [];
  const byCode = new Map(current.map((component) => [key(component.code), component]));
  const seen = new Set<string>();
  proposed.forEach((component, index) => {
    const was = byCode.get(key(component.code));
    seen.add(key(component.code));
    if (component.change && !component.reason?.trim()) {
      problems.push({ index, field: 'reason', code: 'reason_required', message: 'Say why this component is added or removed' });
    }
    if (component.change === 'added' && was) {
      problems.push({ index, field: 'change', code: 'already_in_force', message: 'This component is in the agreement already' });
    } else if (component.change === 'removed' && !was) {
      problems.push({ index, field: 'change', code: 'not_in_force', message: 'Only a component of the agreement in force can be removed' });
    } else if (!component.change && !was) {
      problems.push({ index, field: 'change', code: 'unmarked_addition', message: 'Mark a new component as added, with a reason' });
    } else if (!component.change && was && (was.title !== component.title || was.credits !== component.credits)) {
      problems.push({ index, field: 'code', code: 'changed_in_place', message: 'To change a component, remove it and add the new one, each with a reason' });
    }
  });
  current.forEach((component) => {
    if (!seen.has(key(component.code))) {
      problems.push({
        index: null,
        field: 'code',
        code: 'silently_dropped',
        message: `List ${component.code} as removed, with a reason, or keep it`,
      });
    }
  });
  return problems;
}

/** Whether a change proposal changes anything at all. */
export const changesSomething = (components: Marked[]) => components.some((component) => Boolean(component.change));

export type ComponentDiff<T> = { added: T[]; removed: T[]; kept: T[] };

/** What a version adds to and removes from the one before it, for a readable history. */
export function diffComponents<T extends { code: string }>(before: T[], after: T[]): ComponentDiff<T> {
  const had = new Set(before.map((component) => key(component.code)));
  const has = new Set(after.map((component) => key(component.code)));
  return {
    added: after.filter((component) => !had.has(key(component.code))),
    removed: before.filter((component) => !has.has(key(component.code))),
    kept: after.filter((component) => had.has(key(component.code))),
  };
}

/** Whose signature a proposal waits for: the sending office signs before the receiving one. */
export function awaitedSide(signatures: Record<SignatureSide, unknown | null>): SignatureSide | null {
  return signatureSides.find((side) => signatures[side] === null) ?? null;
}

/** Credits of the components in force. */
export const totalCredits = (components: { code: string; credits: number; change?: ComponentChange | null }[]) =>
  inForce(components).reduce((sum, component) => sum + component.credits, 0);
