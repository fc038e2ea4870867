/**
 * The learning agreement's history as people read it: for each proposal, the components it
 * adds to and removes from the version in force when it was written (with the student's
 * reasons), using the same rule the API checks changes with (`diffComponents`).
 */
import { diffComponents, inForce, type LearningAgreementVersion, type RecognisedComponent, type StudiedComponent } from '@exchange/shared';

type Component = StudiedComponent | RecognisedComponent;
export type Change<T extends Component> = { component: T; reason: string | null };
export type ListChanges<T extends Component> = { added: Change<T>[]; removed: Change<T>[] };
export type HistoryEntry = {
  version: LearningAgreementVersion;
  /** The signed version this one changes; null for a first version. */
  basis: number | null;
  studied: ListChanges<StudiedComponent>;
  recognised: ListChanges<RecognisedComponent>;
};

const sameCode = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function changes<T extends Component>(before: readonly T[], after: readonly T[]): ListChanges<T> {
  const { added, removed } = diffComponents(inForce([...before]), inForce([...after]));
  // A change proposal lists what it removes, marked, with the reason.
  const reasonOf = (code: string) => after.find((component) => sameCode(component.code, code))?.reason ?? null;
  return {
    added: added.map((component) => ({ component, reason: component.reason ?? null })),
    removed: removed.map((component) => ({ component, reason: reasonOf(component.code) })),
  };
}

/** Every proposal (the oldest first, as the API lists them) with what it changes. */
export function historyOf(history: readonly LearningAgreementVersion[]): HistoryEntry[] {
  let signed: LearningAgreementVersion | null = null;
  return history.map((version) => {
    const basis: LearningAgreementVersion | null = signed;
    if (version.status === 'signed') signed = version;
    return {
      version,
      basis: basis?.number ?? null,
      studied: changes(basis?.studied ?? [], version.studied),
      recognised: changes(basis?.recognised ?? [], version.recognised),
    };
  });
}
