import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the IHDR chunk says about a PNG, and whether it declares transparency. */
interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  interlaced: boolean;
  hasAlpha: boolean;
}

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('is not a PNG file');
  const found: Chunk[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    found.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return found;
}

/** Reads the header of a PNG; throws when the bytes are not a PNG. */
export function readPngInfo(png: Buffer): PngInfo {
  const all = chunks(png);
  const header = all[0];
  if (header?.type !== 'IHDR' || header.data.length < 13) throw new Error('has no PNG header');
  const colorType = header.data[9]!;
  return {
    width: header.data.readUInt32BE(0),
    height: header.data.readUInt32BE(4),
    bitDepth: header.data[8]!,
    colorType,
    interlaced: header.data[12] === 1,
    hasAlpha: colorType === 4 || colorType === 6 || all.some((c) => c.type === 'tRNS'),
  };
}

/** RGBA pixels of an 8-bit, non-interlaced RGBA or grey+alpha PNG (what icon editors export). */
export function decodeRgba(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const info = readPngInfo(png);
  const channels = info.colorType === 6 ? 4 : info.colorType === 4 ? 2 : 0;
  if (!channels || info.bitDepth !== 8 || info.interlaced)
    throw new Error('must be an 8-bit, non-interlaced PNG with an alpha channel (RGBA)');
  const data = inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  );
  const stride = info.width * channels;
  const raw = new Uint8Array(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = data[y * (stride + 1)]!;
    const line = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? raw[y * stride + x - channels]! : 0;
      const up = y > 0 ? raw[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? raw[(y - 1) * stride + x - channels]! : 0;
      raw[y * stride + x] = (line[x]! + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  const pixels = new Uint8Array(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    const grey = channels === 2;
    pixels[i * 4] = raw[i * channels]!;
    pixels[i * 4 + 1] = raw[i * channels + (grey ? 0 : 1)]!;
    pixels[i * 4 + 2] = raw[i * channels + (grey ? 0 : 2)]!;
    pixels[i * 4 + 3] = raw[i * channels + (grey ? 1 : 3)]!;
  }
  return { width: info.width, height: info.height, pixels };
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  if (filter === 1) return left;
  if (filter === 2) return up;
  if (filter === 3) return (left + up) >> 1;
  if (filter === 4) {
    const p = left + up - upLeft;
    const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
    return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
  }
  return 0;
}

/** Encodes RGBA pixels (width * height * 4 bytes) as an 8-bit RGBA PNG. */
export function encodeRgbaPng(width: number, height: number, pixels: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    Buffer.from(pixels.buffer, pixels.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1,
    );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
