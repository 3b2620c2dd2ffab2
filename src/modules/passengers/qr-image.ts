import QRCode from 'qrcode';

/**
 * The gate pass as a QR code. Error correction M survives a scuffed phone screen; the 4-module quiet zone is what
 * scanners expect. A compact JWS is base64url plus dots, so it is encoded in byte mode.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 6 } as const;

export const gatePassQrPng = (token: string): Promise<Buffer> => QRCode.toBuffer(token, { ...OPTIONS, type: 'png' });

export const gatePassQrDataUrl = (token: string): Promise<string> => QRCode.toDataURL(token, OPTIONS);
