// Allowed keys per object, as switch statements: validation runs 100,000 times a second and a switch over
// string constants beats a Set lookup for these few keys.
export type KeyCheck = (k: string) => boolean;
export const KEYS: Readonly<Record<'root' | 'transport' | 'party' | 'platform' | 'item' | 'money', KeyCheck>> = {
  root: (k) => {
    switch (k) {
      case 'consignmentId':
      case 'transportDocument':
      case 'seller':
      case 'buyer':
      case 'platform':
      case 'items':
      case 'grossMassKg':
      case 'declaredTotal':
        return true;
      default:
        return false;
    }
  },
  transport: (k) => k === 'masterAwb' || k === 'houseAwb',
  party: (k) => {
    switch (k) {
      case 'name':
      case 'addressLines':
      case 'city':
      case 'postcode':
      case 'country':
        return true;
      default:
        return false;
    }
  },
  platform: (k) => k === 'name' || k === 'orderId',
  item: (k) => {
    switch (k) {
      case 'description':
      case 'hsCode':
      case 'quantity':
      case 'unit':
      case 'value':
        return true;
      default:
        return false;
    }
  },
  money: (k) => k === 'amount' || k === 'currency',
};
