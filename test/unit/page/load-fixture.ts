// Load a test/fixtures page into happy-dom's document (scripts do not run; structure only).
import fs from 'node:fs';
import path from 'node:path';

export function loadFixture(name: string): void {
  const html = fs.readFileSync(path.resolve('test/fixtures', name), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/gi, '');
}
