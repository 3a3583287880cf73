/** Initial JavaScript and CSS of the build, gzip, counted the way e2e/live.spec.ts counts them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  initialJsGzipBytes: number;
  initialJsFiles: string[];
  cssGzipBytes: number;
  cssFiles: string[];
}

const gzipBytes = (dir: string, files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);

export function measureBundle(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  // The entry script and every module it preloads: what a first visit must download.
  const initialJsFiles = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  const cssFiles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map(
    (match) => match[1]!,
  );
  if (initialJsFiles.length === 0) throw new Error('index.html names no script');
  if (cssFiles.length === 0) throw new Error('index.html names no stylesheet');
  return {
    initialJsGzipBytes: gzipBytes(distDir, initialJsFiles),
    initialJsFiles,
    cssGzipBytes: gzipBytes(distDir, cssFiles),
    cssFiles,
  };
}
