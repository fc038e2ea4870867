import type { FastifyRequest } from 'fastify';
import { documentMaxBytes } from '@exchange/shared';
import { AppError } from '../errors.js';

type UploadedFile = { name: string; content: Buffer };

/**
 * Reads a multipart upload: the first part named `file` and the text fields; other files are
 * drained. A body that is not multipart, too large or unreadable (no boundary, cut off,
 * malformed parts) is the uploader's mistake, never a 500: every upload route reads through here.
 */
export async function readUpload(request: FastifyRequest, maxBytes = documentMaxBytes): Promise<{ file?: UploadedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  let file: UploadedFile | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && !file) file = { name: part.filename, content: await part.toBuffer() };
      else if (part.type === 'file') await part.toBuffer();
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'file_too_large', `The file is larger than ${maxBytes / 1024 / 1024} MB.`);
    }
    // The parser's own errors carry no code: whatever fails while reading the body is the body's fault.
    throw new AppError(400, 'invalid_upload', 'The upload could not be read.');
  }
  return { file, fields };
}

export const fileRequired = () =>
  new AppError(400, 'validation_failed', 'Attach the file.', { errors: [{ path: 'body.file', code: 'required', message: 'Required' }] });

/** Reads the one file of a multipart upload (the part named `file`). */
export async function readOneFile(request: FastifyRequest, maxBytes = documentMaxBytes): Promise<UploadedFile> {
  const { file } = await readUpload(request, maxBytes);
  if (!file) throw fileRequired();
  return file;
}
