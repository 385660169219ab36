// A progress bar on stderr for batches, redrawn at most ten times a second:
//   [██████████░░░░░░░░░░] 1,234/3,472 files  18.2 MB/s  ETA 0:02
// Only used when stderr is a terminal and --quiet is off; clear() before printing a line.
const WIDTH = 20;
const REDRAW_MS = 100;

export class Progress {
  readonly #total: number;
  readonly #totalBytes: number;
  readonly #started = performance.now();
  #done = 0;
  #bytes = 0;
  #drawn = 0;
  #visible = false;

  constructor(total: number, totalBytes: number) {
    this.#total = total;
    this.#totalBytes = totalBytes;
  }

  advance(bytes: number): void {
    this.#done++;
    this.#bytes += bytes;
    const now = performance.now();
    if (now - this.#drawn >= REDRAW_MS || this.#done === this.#total) {
      this.#drawn = now;
      this.#draw(now);
    }
  }

  clear(): void {
    if (this.#visible) process.stderr.write('\r\u001b[2K');
    this.#visible = false;
  }

  done(): void {
    this.clear();
  }

  #draw(now: number): void {
    const seconds = (now - this.#started) / 1000;
    const fraction = this.#totalBytes ? this.#bytes / this.#totalBytes : this.#done / this.#total;
    const filled = Math.round(fraction * WIDTH);
    const rate = seconds > 0 ? this.#bytes / 1024 / 1024 / seconds : 0;
    const eta = fraction > 0 ? Math.max(0, seconds / fraction - seconds) : 0;
    const count = (n: number) => n.toLocaleString('en-US');
    const line = `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${count(this.#done)}/${count(this.#total)} files  ${rate.toFixed(1)} MB/s  ETA ${Math.floor(eta / 60)}:${String(Math.round(eta % 60)).padStart(2, '0')}`;
    process.stderr.write(`\r\u001b[2K${line}`);
    this.#visible = true;
  }
}
