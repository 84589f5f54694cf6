import { createHash } from 'node:crypto';

/**
 * What the IRP would answer for one document, for tests: a 64-hex IRN, a 15-digit AckNo, and a SignedQRCode shaped
 * as NIC's (a JWT whose payload's "data" is the QR's JSON text). The signature is dummy: it cannot be checked offline.
 */
export function irpAnswer(doc: {
  number: string;
  type?: 'INV' | 'CRN';
  date: string;
  sellerGstin: string;
  buyerGstin: string;
  total: number;
  ackDt?: string;
}) {
  const irn = createHash('sha256').update(`${doc.sellerGstin}${doc.number}`).digest('hex');
  const ackDt = doc.ackDt ?? '2026-11-22 15:30:00';
  const data = {
    SellerGstin: doc.sellerGstin,
    BuyerGstin: doc.buyerGstin,
    DocNo: doc.number,
    DocTyp: doc.type ?? 'INV',
    DocDt: `${doc.date.slice(8, 10)}/${doc.date.slice(5, 7)}/${doc.date.slice(0, 4)}`,
    TotInvVal: doc.total / 100,
    ItemCnt: 1,
    MainHsnCode: '19053100',
    Irn: irn,
    IrnDt: ackDt,
  };
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signature = createHash('sha512').update(irn).digest('base64url').repeat(5);
  const signedQrCode = `${part({ alg: 'RS256', kid: 'test', typ: 'JWT' })}.${part({ data: JSON.stringify(data), iss: 'NIC' })}.${signature}`;
  return { AckNo: 232210036743849, AckDt: ackDt, Irn: irn, SignedQRCode: signedQrCode, Status: 'ACT' };
}
