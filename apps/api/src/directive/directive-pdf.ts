import PDFDocument from 'pdfkit';
import type { DirectiveDocument } from '@qts/domain';
import type { CjkFont } from './cjk-font';

const MARGIN = 56;

/** The 指令书 laid out on A4 in the CJK font (embedded, subset), as PDF bytes. */
export function renderDirectivePdf(document: DirectiveDocument, font: CjkFont): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: { Title: `${document.title} ${document.number}`, Subject: document.title, Producer: 'qts' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', font.path, font.family);
    doc.font('cjk');
    doc.fontSize(20).text(document.title, { align: 'center' });
    doc.moveDown(0.3).fontSize(11).text(`编号：${document.number}`, { align: 'center' });
    doc.moveDown();
    for (const section of document.sections) {
      doc.fontSize(12).text(`【${section.heading}】`);
      doc.fontSize(10.5);
      for (const line of section.lines) doc.text(line, { indent: 12, lineGap: 2 });
      doc.moveDown(0.5);
    }
    doc.end();
  });
}
