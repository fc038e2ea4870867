import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Reads the one file of a multipart upload (the part named `file`); other parts are drained.
 * A body that is not multipart, too large or unreadable is the uploader's mistake, never a 500.
 */
export async function readOneFile(request: FastifyRequest): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  let file: { name: string; content: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && !file) file = { name: part.filename, content: await part.toBuffer() };
      else if (part.type === 'file') await part.toBuffer();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'file_too_large', 'The file is larger than 10 MB.');
    if (code?.startsWith('FST_')) throw new AppError(400, 'invalid_upload', 'The upload could not be read.');
    throw error;
  }
  if (!file) throw new AppError(400, 'validation_failed', 'Attach the file.', { errors: [{ path: 'body.file', code: 'required', message: 'Required' }] });
  return file;
}
