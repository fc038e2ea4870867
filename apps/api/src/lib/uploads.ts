import { AppError } from '../errors.js';

type Accepted = { contentType: 'application/pdf' | 'image/png' | 'image/jpeg'; extensions: string[] };

const signatures: { bytes: number[]; accepted: Accepted }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], accepted: { contentType: 'application/pdf', extensions: ['pdf'] } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], accepted: { contentType: 'image/png', extensions: ['png'] } },
  { bytes: [0xff, 0xd8, 0xff], accepted: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] } },
];

/** What the bytes are, whatever the name says: PDF, PNG or JPEG, or nothing we accept. */
export function sniffDocument(content: Buffer): Accepted | undefined {
  return signatures.find(({ bytes }) => content.length >= bytes.length && bytes.every((byte, index) => content[index] === byte))?.accepted;
}

/**
 * Checks an upload: the content must be PDF, PNG or JPEG, and a name's extension must agree
 * with the content (a JPEG named `.png` is refused). The uploader's name is never stored.
 */
export function checkUpload(fileName: string, content: Buffer): Accepted {
  // eslint-disable-next-line no-control-regex
  if (!fileName || fileName.length > 255 || /[/\\\u0000-\u001f]/.test(fileName) || fileName.includes('..')) {
    throw new AppError(400, 'invalid_file_name', 'The file name may not contain a path or control characters.');
  }
  if (content.length === 0) throw new AppError(400, 'empty_file', 'The file is empty.');
  const accepted = sniffDocument(content);
  if (!accepted) throw new AppError(415, 'unsupported_file_type', 'Upload a PDF, PNG or JPEG file.');
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension && !accepted.extensions.includes(extension)) {
    throw new AppError(415, 'file_type_mismatch', `The file's name says .${extension}, but its content is ${accepted.extensions[0]!.toUpperCase()}.`);
  }
  return accepted;
}

/** The stored name: the document's type and a short id, never the uploader's name. */
export const storedFileName = (type: string, id: string, accepted: Accepted) => `${type}-${id.slice(0, 8)}.${accepted.extensions[0]}`;
