import { awaitedSide, type LearningAgreement, type LearningAgreementSummary, type LearningAgreementVersion } from '@exchange/shared';
import type { StoredSignature } from '@exchange/db';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import type { VersionRow } from './learning-agreements.repository.js';

const signature = (stored: StoredSignature | null) => (stored ? { by: { id: stored.userId, name: stored.name }, at: stored.at } : null);

export function toVersion(row: VersionRow): LearningAgreementVersion {
  const signatures = {
    student: signature(row.studentSignature),
    sending: signature(row.sendingSignature),
    receiving: signature(row.receivingSignature),
  };
  return {
    number: row.number!,
    kind: row.kind,
    proposalId: row.proposalId!,
    status: row.status as LearningAgreementVersion['status'],
    ...row.content,
    signatures,
    awaiting: row.status === 'proposed' ? awaitedSide(signatures) : null,
    comment:
      row.comment && row.commentSide && row.commentAt
        ? {
            side: row.commentSide,
            by: { id: row.commentBy!, name: row.commentByName ?? '' },
            at: toIso(row.commentAt),
            text: row.comment,
            locale: row.commentLocale,
          }
        : null,
    proposedAt: toIso(row.proposedAt!),
    signedAt: toIsoOrNull(row.signedAt),
  };
}

type Parts = { proposals: VersionRow[]; inForce?: VersionRow; pending?: VersionRow; draft?: VersionRow };

/** The rows of one mobility's agreement, sorted into what is in force, what is pending and what is being written. */
export function partsOf(rows: VersionRow[]): Parts {
  const proposals = rows.filter((row) => row.status !== 'draft').sort((a, b) => a.number! - b.number!);
  return {
    proposals,
    inForce: proposals.filter((row) => row.status === 'signed').at(-1),
    pending: proposals.find((row) => row.status === 'proposed'),
    draft: rows.find((row) => row.status === 'draft'),
  };
}

function statusOf({ proposals, inForce, pending, draft }: Parts): LearningAgreement['status'] {
  if (inForce) return 'signed';
  if (pending) return 'proposed';
  if (proposals.at(-1)?.status === 'returned') return 'returned';
  return draft ? 'draft' : 'none';
}

export function toAgreement(mobilityId: string, rows: VersionRow[]): LearningAgreement {
  const parts = partsOf(rows);
  const { draft } = parts;
  return {
    mobilityId,
    status: statusOf(parts),
    inForce: parts.inForce ? toVersion(parts.inForce) : null,
    pending: parts.pending ? toVersion(parts.pending) : null,
    draft: draft ? { kind: draft.kind, ...draft.content, updatedAt: toIso(draft.updatedAt) } : null,
    history: parts.proposals.map(toVersion),
  };
}

export function toSummary(rows: VersionRow[]): LearningAgreementSummary {
  const parts = partsOf(rows);
  const pending = parts.pending ? toVersion(parts.pending) : null;
  return {
    status: statusOf(parts),
    proposalId: pending?.proposalId ?? null,
    awaiting: pending?.awaiting ?? null,
    signedAt: toIsoOrNull(parts.inForce?.signedAt ?? null),
    changePending: Boolean(parts.inForce && (parts.pending || parts.draft || parts.proposals.at(-1)?.status === 'returned')),
  };
}
