/**
 * The printable poster of a survey round's open link as a PDF (A4): a heading, the QR code drawn as vector
 * squares, the address in text, and the dates. Tagged (H1, P, Figure with alternative text) with title and
 * language set, like the project's other PDFs; the font is Source Sans 3 as in src/exports/pdf.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);

export interface PosterInput {
  readonly title: string;
  readonly subtitle: string;
  readonly url: string;
  readonly period: string;
}

export function surveyPosterPdf(p: PosterInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, tagged: true, lang: 'sv-SE', displayTitle: true, info: { Title: p.title, Creator: 'Samordna' }, pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', require.resolve('source-sans/TTF/SourceSans3-Regular.ttf'));
  doc.registerFont('bold', require.resolve('source-sans/TTF/SourceSans3-Bold.ttf'));
  const width = doc.page.width - 112;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const text = (type: 'H1' | 'P', font: string, size: number, s: string, gap: number) => {
    const el = doc.struct(type, {}, () => {
      doc.font(font).fontSize(size).fillColor('#000000').text(s, 56, doc.y, { width, align: 'center' });
    });
    root.add(el);
    el.end();
    doc.moveDown(gap);
  };
  doc.y = 80;
  text('H1', 'bold', 30, 'Vad tycker du? Svara på enkäten!', 0.6);
  text('P', 'regular', 16, p.subtitle, 0.6);
  text('P', 'regular', 13, 'Skanna koden med mobilens kamera eller skriv in adressen. Du är anonym: inget som visar vem du är sparas.', 1);
  const qr = QRCode.create(p.url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = 300;
  const cell = side / n;
  const x0 = (doc.page.width - side) / 2;
  const y0 = doc.y;
  const figure = doc.struct('Figure', { alt: `QR-kod till enkäten: ${p.url}` }, () => {
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell + 0.01, cell + 0.01);
    doc.fillColor('#000000').fill();
  });
  root.add(figure);
  figure.end();
  doc.y = y0 + side + 24;
  text('P', 'bold', 15, p.url, 0.8);
  text('P', 'regular', 13, p.period, 0);
  root.end();
  doc.end();
  return done;
}
