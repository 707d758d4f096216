import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeRgbaPng } from './png';

/** A shape test in icon coordinates (0..1 on both axes). */
type Shape = (x: number, y: number) => boolean;

const BC_BLUE = [0x00, 0x33, 0x66];
const BC_GOLD = [0xfc, 0xba, 0x19];
const WHITE = [0xff, 0xff, 0xff];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s = [side(ax, ay, bx, by, x, y), side(bx, by, cx, cy, x, y), side(cx, cy, ax, ay, x, y)];
    return s.every((v) => v >= 0) || s.every((v) => v <= 0);
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

// A speech bubble: the bot answers in the guideline's words.
const bubble = union(roundedRect(0.16, 0.2, 0.84, 0.68, 0.09), triangle(0.3, 0.6, 0.46, 0.6, 0.26, 0.82));
const bubbleInside = union(
  roundedRect(0.22, 0.26, 0.78, 0.62, 0.05),
  triangle(0.34, 0.56, 0.42, 0.56, 0.31, 0.7),
);
const textLines = union(
  roundedRect(0.28, 0.32, 0.72, 0.37, 0.025),
  roundedRect(0.28, 0.42, 0.72, 0.47, 0.025),
  roundedRect(0.28, 0.52, 0.56, 0.57, 0.025),
);

/** Renders `paint` with 4x4 supersampling; paint returns [r, g, b, a] or undefined (transparent). */
function render(size: number, paint: (x: number, y: number) => number[] | undefined): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const rgba = paint((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size);
          if (!rgba) continue;
          for (let i = 0; i < 3; i++) sum[i]! += rgba[i]! * rgba[3]!;
          sum[3]! += rgba[3]!;
        }
      const alpha = sum[3]! / 16;
      const at = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[at + i] = alpha ? Math.round(sum[i]! / sum[3]!) : 0;
      pixels[at + 3] = Math.round(alpha);
    }
  return pixels;
}

/** The 192x192 full-colour icon: a white speech bubble with gold text lines on BC blue. */
export function colorIcon(): Buffer {
  const pixels = render(192, (x, y) => {
    if (textLines(x, y)) return [...BC_GOLD, 255];
    if (bubble(x, y)) return [...WHITE, 255];
    return [...BC_BLUE, 255];
  });
  return encodeRgbaPng(192, 192, pixels);
}

/** The 32x32 outline icon: the bubble's outline in white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  const pixels = render(32, (x, y) => (bubble(x, y) && !bubbleInside(x, y) ? [...WHITE, 255] : undefined));
  return encodeRgbaPng(32, 32, pixels);
}

// `node dist/adapters/teams/package/make-icons.js [dir]` rewrites the two icons.
if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'manifests/teams');
  writeFileSync(path.join(dir, 'color.png'), colorIcon());
  writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  process.stdout.write(`wrote ${dir}/color.png and ${dir}/outline.png\n`);
}
