// Reading a ZIP file entry by entry from a Blob: the central directory first (from the end of the
// file), then only the entries asked for, each inflated as a stream with DecompressionStream. The
// file itself is never read whole, so photos in an export cost nothing. Stored and deflated
// entries, ZIP64 included. Damage is an ImportError('zip_damaged').
import { ImportError } from './import-common.js';

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** Throw the error of a damaged ZIP. */
function damaged(file, detail) {
  throw new ImportError('zip_damaged', { file, detail });
}

/** Return a DataView of bytes start..end of a blob. */
async function bytesOf(blob, start, end) {
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

/** Return a 64-bit little-endian number (exact below 2^53, which any real file is). */
function uint64(view, at) {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

/** Return where the central directory starts, how long it is and how many entries it has. */
async function findDirectory(blob, name) {
  const tailStart = Math.max(0, blob.size - 22 - MAX_COMMENT);
  const tail = await bytesOf(blob, tailStart, blob.size);
  let at = tail.byteLength - 22;
  while (at >= 0 && tail.getUint32(at, true) !== END_OF_DIRECTORY) at -= 1;
  if (at < 0) damaged(name, 'no central directory');
  const directory = {
    count: tail.getUint16(at + 10, true),
    size: tail.getUint32(at + 12, true),
    offset: tail.getUint32(at + 16, true),
  };
  if (directory.offset === 0xffffffff || directory.count === 0xffff) {
    const locator = tailStart + at - 20;
    const found = locator >= 0 ? await bytesOf(blob, locator, locator + 20) : null;
    if (!found || found.getUint32(0, true) !== ZIP64_LOCATOR) damaged(name, 'no ZIP64 locator');
    const endAt = uint64(found, 8);
    const end = await bytesOf(blob, endAt, endAt + 56);
    if (end.byteLength < 56 || end.getUint32(0, true) !== ZIP64_END) damaged(name, 'no ZIP64 end');
    Object.assign(directory, {
      count: uint64(end, 32),
      size: uint64(end, 40),
      offset: uint64(end, 48),
    });
  }
  if (directory.offset + directory.size > blob.size) damaged(name, 'directory past the end');
  return directory;
}

/** Apply a ZIP64 extra field's sizes and offset to an entry whose 32-bit fields are full. */
function applyZip64(view, at, length, entry) {
  for (let pos = at; pos + 4 <= at + length;) {
    const id = view.getUint16(pos, true);
    const size = view.getUint16(pos + 2, true);
    if (id === 1) {
      let field = pos + 4;
      for (const key of ['size', 'compressedSize', 'offset']) {
        if (entry[key] === 0xffffffff && field + 8 <= pos + 4 + size) {
          entry[key] = uint64(view, field);
          field += 8;
        }
      }
    }
    pos += 4 + size;
  }
}

/** Return the entries of a ZIP blob: { name, size, compressedSize, method, offset }. */
export async function zipEntries(blob, name = 'ZIP') {
  const { count, size, offset } = await findDirectory(blob, name);
  const view = await bytesOf(blob, offset, offset + size);
  const decoder = new TextDecoder();
  const entries = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      damaged(name, `entry ${i + 1} of the directory`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
    };
    applyZip64(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return entries.filter((entry) => !entry.name.endsWith('/'));
}

/** Return an entry's text (UTF-8), inflated as a stream; a damaged entry throws zip_damaged. */
export async function zipEntryText(blob, entry, name = 'ZIP') {
  const header = await bytesOf(blob, entry.offset, entry.offset + 30);
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL_HEADER)
    damaged(name, entry.name);
  const start = entry.offset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  if (start + entry.compressedSize > blob.size) damaged(name, entry.name);
  if (entry.method !== 0 && entry.method !== 8)
    damaged(name, `${entry.name}: method ${entry.method}`);
  let stream = blob.slice(start, start + entry.compressedSize).stream();
  if (entry.method === 8) stream = stream.pipeThrough(new DecompressionStream('deflate-raw'));
  const decoder = new TextDecoder();
  const parts = [];
  let length = 0;
  const reader = stream.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      length += read.value.byteLength;
      if (length > entry.size) break;
      parts.push(decoder.decode(read.value, { stream: true }));
    }
  } catch {
    damaged(name, entry.name);
  } finally {
    reader.cancel().catch(() => {});
  }
  if (length !== entry.size) damaged(name, entry.name);
  parts.push(decoder.decode());
  return parts.join('');
}
