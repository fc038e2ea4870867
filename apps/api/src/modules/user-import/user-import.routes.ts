import multipart from '@fastify/multipart';
import { idParams, userImport, userImportMaxBytes, userImportOptions, userImportPreview } from '@exchange/shared';
import { AppError } from '../../errors.js';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import { fileRequired, readUpload } from '../../lib/upload-body.js';
import type { UserImportService } from './user-import.service.js';

const staff = ['admin', 'coordinator'] as const;

export async function userImportRoutes(app: Api, { userImports }: { userImports: UserImportService }) {
  await app.register(multipart, { limits: { fileSize: userImportMaxBytes, files: 1, fields: 3, fieldSize: 4000, parts: 4 } });
  app.addHook('onClose', () => userImports.settled());

  app.post('/users/import', {
    config: { access: staff },
    bodyLimit: userImportMaxBytes + 64 * 1024,
    schema: {
      tags: ['users'],
      summary:
        'Import students from a CSV or XLSX file (multipart `file`, `dryRun`, `mapping`, `institutionId`): the dry run previews with an error per row; the import answers 202 at once and writes in batches (see GET /users/imports/:id)',
      security: [{ bearer: [] }],
      consumes: ['multipart/form-data'],
      response: { 200: userImportPreview, 202: userImport, ...problems(413, 415, 422) },
    },
    handler: async (request, reply) => {
      const { file, fields } = await readUpload(request, userImportMaxBytes);
      const options = userImportOptions.safeParse(fields);
      if (!options.success) {
        throw new AppError(400, 'validation_failed', 'The import’s fields are not valid.', {
          errors: options.error.issues.map((issue) => ({ path: `body.${issue.path.join('.')}`, code: issue.code, message: issue.message })),
        });
      }
      if (!file) throw fileRequired();
      const input = { fileName: file.name || 'import', content: file.content, ...options.data, dryRun: options.data.dryRun === 'true' };
      if (input.dryRun) return reply.code(200).send(await userImports.preview(request.actor!, input));
      const started = await userImports.start(who(request), input, { onError: (error) => request.log.error({ err: error }, 'student import failed') });
      return reply.code(202).send(started);
    },
  });

  app.get('/users/imports/:id', {
    config: { access: staff },
    schema: {
      tags: ['users'],
      summary: 'An import’s progress: rows processed of the total, accounts created, rows unchanged and refused',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: userImport, ...problems() },
    },
    handler: (request) => userImports.get(request.actor!, request.params.id),
  });
}
