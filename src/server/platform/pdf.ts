import fs from 'node:fs';
import { AppError } from './errors.ts';

/** Debian's Chromium; LIAISON_CHROMIUM_PATH points elsewhere. Nothing is downloaded. */
export const chromiumPath = () => process.env.LIAISON_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Prints an HTML page to A4 PDF with Chromium, so the PDF is the web page (CJK through fonts-noto-cjk). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!fs.existsSync(chromiumPath())) throw new AppError('pdf.unavailable', { reason: `no Chromium at ${chromiumPath()}` });
  // Loaded when a PDF is asked for: playwright-core would otherwise add some 45 MB to every server's heap.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    // The page is self-contained: block any request so printing never reaches the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
  } finally {
    await browser.close();
  }
}
