// Terminal helpers: widths (CJK characters take two columns, — and … one, as terminals draw
// them: string-width reads Unicode's East Asian Width) and whether to colour.
import stringWidth from 'string-width';
import { stdout } from './stdout.js';

export function columns(text: string): number {
  return stringWidth(text);
}

export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

/** Colour when asked, else when stdout is a terminal and NO_COLOR is unset (FORCE_COLOR wins). */
export function useColor(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const { NO_COLOR, FORCE_COLOR } = process.env;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '0') return true;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  return Boolean(stdout().isTTY);
}
