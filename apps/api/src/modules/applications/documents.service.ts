/**
 * A draft's documents: a student uploads, replaces and removes them; whoever may see the
 * application downloads them. Part of the applications service, which passes its loaders.
 */
import { randomUUID, createHash } from 'node:crypto';
import type { Database, Executor } from '@exchange/db';
import type { Actor, DocumentType } from '@exchange/shared';
import { notFound } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { checkUpload, storedFileName } from '../../lib/uploads.js';
import { findDocument, insertDocument, retireCurrentDocument, retireDocument } from './application-documents.repository.js';
import type { Loaded } from './status.js';

type Loaders = {
  db: Database;
  /** An application the actor may see (anything else is missing). */
  load(tx: Executor, actor: Actor, id: string): Promise<Loaded>;
  /** The actor's own draft, locked for a change. */
  ownDraft(tx: Executor, actor: Actor, id: string): Promise<Loaded>;
};

export function documentOperations({ db, load, ownDraft }: Loaders) {
  return {
    addDocument(who: Who, id: string, type: DocumentType, fileName: string, content: Buffer) {
      const accepted = checkUpload(fileName, content);
      return db.transaction(async (tx) => {
        const loaded = await ownDraft(tx, who.actor, id);
        const previous = await retireCurrentDocument(tx, id, type);
        const documentId = randomUUID();
        const sha256 = createHash('sha256').update(content).digest('hex');
        const created = await insertDocument(tx, {
          id: documentId,
          applicationId: id,
          type,
          fileName: storedFileName(type, documentId, accepted),
          contentType: accepted.contentType,
          size: content.length,
          sha256,
          content,
          uploadedBy: who.actor.id,
        });
        // The replaced version stays in the database; the audit entry points at both.
        await writeAudit(tx, who, {
          action: previous ? 'document.replace' : 'document.upload',
          entityType: 'application',
          entityId: id,
          institutionId: loaded.call.institutionId,
          before: previous ? { document: previous } : null,
          after: { document: { id: created.id, type, fileName: created.fileName, size: created.size, sha256, originalName: fileName } },
        });
        return {
          id: created.id,
          type: created.type,
          fileName: created.fileName,
          contentType: created.contentType,
          size: created.size,
          uploadedAt: created.createdAt.toISOString(),
        };
      });
    },

    removeDocument(who: Who, id: string, documentId: string) {
      return db.transaction(async (tx) => {
        const loaded = await ownDraft(tx, who.actor, id);
        const removed = await retireDocument(tx, id, documentId);
        if (!removed) throw notFound('document');
        await writeAudit(tx, who, {
          action: 'document.remove',
          entityType: 'application',
          entityId: id,
          institutionId: loaded.call.institutionId,
          before: { document: removed },
        });
      });
    },

    async document(actor: Actor, id: string, documentId: string) {
      await load(db, actor, id);
      const document = await findDocument(db, id, documentId);
      if (!document) throw notFound('document');
      return document;
    },
  };
}
