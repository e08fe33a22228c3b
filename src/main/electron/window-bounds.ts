import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

/** Minimum size the wizard is designed for. */
export const MIN_SIZE = { width: 900, height: 640 } as const;

/** Last window bounds, restored only if they still fit on a connected display. */
export function loadBounds(file: string): Rectangle | undefined {
  try {
    const b = JSON.parse(readFileSync(file, 'utf8')) as Partial<Rectangle>;
    if (
      typeof b.x !== 'number' ||
      typeof b.y !== 'number' ||
      typeof b.width !== 'number' ||
      typeof b.height !== 'number'
    )
      return undefined;
    const bounds: Rectangle = {
      x: b.x,
      y: b.y,
      width: Math.max(b.width, MIN_SIZE.width),
      height: Math.max(b.height, MIN_SIZE.height),
    };
    const visible = screen
      .getAllDisplays()
      .some(
        ({ workArea: a }) =>
          bounds.x < a.x + a.width &&
          bounds.x + bounds.width > a.x &&
          bounds.y < a.y + a.height &&
          bounds.y + bounds.height > a.y,
      );
    return visible ? bounds : undefined;
  } catch {
    return undefined;
  }
}

export function rememberBounds(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    if (win.isMinimized() || win.isFullScreen()) return;
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(win.getNormalBounds()));
    renameSync(tmp, file);
  });
}
