// Terminal helpers: widths (CJK characters take two columns) and whether to colour.

export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
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
  return Boolean(process.stdout.isTTY);
}
