/**
 * The sizes a workbook unpacks to, checked before a spreadsheet library unpacks it: a small
 * XLSX can hold entries that inflate to gigabytes (a zip bomb), and the library inflates each
 * entry whole before anything else looks at it. Read from the zip's central directory, then
 * each entry is inflated with its declared size as the ceiling, so a size that lies is caught.
 */
import { inflateRawSync } from 'node:zlib';

/** The most the entries of one workbook may unpack to together. */
export const workbookMaxUnpackedBytes = 50 * 1024 * 1024;

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;

/** Whether the zip's entries unpack to at most `limit` bytes together, or it is no well-formed zip at all. */
export function unpackedSize(content: Buffer, limit = workbookMaxUnpackedBytes): 'within' | 'too_large' | 'unreadable' {
  // The end-of-directory record is in the last 22 bytes, or before a comment of at most 64 KiB.
  let end = -1;
  for (let at = content.length - 22; at >= Math.max(0, content.length - 22 - 0xffff); at--) {
    if (content.readUInt32LE(at) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) return 'unreadable';
  const entries = content.readUInt16LE(end + 10);
  let at = content.readUInt32LE(end + 16);
  let total = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== directoryEntry) return 'unreadable';
    const method = content.readUInt16LE(at + 10);
    const packed = content.readUInt32LE(at + 20);
    const unpacked = content.readUInt32LE(at + 24);
    const local = content.readUInt32LE(at + 42);
    // 0xFFFFFFFF means the size is in a ZIP64 field: far beyond any list of students.
    total += unpacked;
    if (unpacked === 0xffffffff || total > limit) return 'too_large';
    if (!unpacksAsDeclared(content, local, method, packed, unpacked)) return 'unreadable';
    at += 46 + content.readUInt16LE(at + 28) + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
  }
  return 'within';
}

function unpacksAsDeclared(content: Buffer, local: number, method: number, packed: number, unpacked: number): boolean {
  if (local + 30 > content.length || content.readUInt32LE(local) !== localHeader) return false;
  const start = local + 30 + content.readUInt16LE(local + 26) + content.readUInt16LE(local + 28);
  const data = content.subarray(start, start + packed);
  if (method === 0) return data.length === unpacked;
  if (method !== 8) return false;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(unpacked, 1) }).length === unpacked;
  } catch {
    return false; // more than declared (a size that lies), or not deflate at all
  }
}
