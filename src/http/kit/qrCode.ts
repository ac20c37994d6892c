import { raw } from 'hono/html';
import QRCode from 'qrcode';

/** The QR code of a link (a survey's address, a TOTP enrolment's otpauth:// URI) as inline SVG, named for screen readers. */
export async function qrCode(url: string, label: string): Promise<ReturnType<typeof raw>> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const esc = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return raw(svg.replace('<svg ', `<svg class="qr" role="img" aria-label="${esc}" `));
}
