import { decodeRgba, readPngInfo } from './png';

/** The sizes Teams requires for the two icons the manifest names. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Problems with an icon, each starting with its file name; empty when it is fine. */
export function checkIcon(kind: keyof typeof ICON_SIZES, file: string, png: Buffer): string[] {
  const size = ICON_SIZES[kind];
  let info;
  try {
    info = readPngInfo(png);
  } catch (error) {
    return [`${file} ${(error as Error).message}`];
  }
  if (info.width !== size || info.height !== size)
    return [`${file} is ${info.width}x${info.height}; the ${kind} icon must be ${size}x${size} pixels`];
  if (kind === 'color') return [];
  if (!info.hasAlpha) return [`${file} must have a transparent background (a PNG with an alpha channel)`];
  return checkWhiteOnTransparent(file, png);
}

// Teams draws the outline icon as a mask: every visible pixel must be white, everything else transparent.
function checkWhiteOnTransparent(file: string, png: Buffer): string[] {
  let image;
  try {
    image = decodeRgba(png);
  } catch (error) {
    return [`${file} ${(error as Error).message}`];
  }
  const { pixels } = image;
  let visible = 0;
  let transparent = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3]!;
    if (alpha === 0) {
      transparent++;
      continue;
    }
    visible++;
    if (pixels[i]! < 0xf0 || pixels[i + 1]! < 0xf0 || pixels[i + 2]! < 0xf0)
      return [
        `${file} has a pixel that is neither white nor transparent at (${(i / 4) % image.width}, ${Math.floor(i / 4 / image.width)})`,
      ];
  }
  if (!visible) return [`${file} is fully transparent`];
  if (!transparent) return [`${file} has no transparent background`];
  return [];
}
