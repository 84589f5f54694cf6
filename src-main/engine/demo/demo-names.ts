/** Word lists for a believable Indian FMCG / pharma distributor. */
export interface DemoPlace {
  stateCode: string;
  state: string;
  /** city, district, pincode */
  cities: [string, string, string][];
}

export const places: DemoPlace[] = [
  {
    stateCode: '27',
    state: 'Maharashtra',
    cities: [
      ['Pune', 'Pune', '411001'],
      ['Mumbai', 'Mumbai', '400001'],
      ['Nashik', 'Nashik', '422001'],
      ['Nagpur', 'Nagpur', '440001'],
    ],
  },
  {
    stateCode: '29',
    state: 'Karnataka',
    cities: [
      ['Bengaluru', 'Bengaluru Urban', '560001'],
      ['Mysuru', 'Mysuru', '570001'],
      ['Hubballi', 'Dharwad', '580020'],
    ],
  },
  {
    stateCode: '24',
    state: 'Gujarat',
    cities: [
      ['Ahmedabad', 'Ahmedabad', '380001'],
      ['Surat', 'Surat', '395003'],
      ['Vadodara', 'Vadodara', '390001'],
    ],
  },
  {
    stateCode: '33',
    state: 'Tamil Nadu',
    cities: [
      ['Chennai', 'Chennai', '600001'],
      ['Coimbatore', 'Coimbatore', '641001'],
    ],
  },
  { stateCode: '07', state: 'Delhi', cities: [['New Delhi', 'New Delhi', '110001']] },
];

export const areas = [
  'Market Yard',
  'Station Road',
  'MG Road',
  'Gandhi Nagar',
  'Shivaji Chowk',
  'Laxmi Road',
  'Old Town',
  'Industrial Estate',
  'Camp',
  'Civil Lines',
];
export const surnames = [
  'Sharma',
  'Patil',
  'Shah',
  'Iyer',
  'Reddy',
  'Gupta',
  'Agarwal',
  'Kulkarni',
  'Nair',
  'Desai',
  'Mehta',
  'Joshi',
  'Rao',
  'Jain',
  'Bhat',
  'Pillai',
];
export const shopWords = [
  'Traders',
  'General Stores',
  'Medicals',
  'Kirana',
  'Enterprises',
  'Super Mart',
  'Provision Stores',
  'Medical & General',
  'Chemists',
];
export const firstNames = [
  'Shree',
  'Sai',
  'New',
  'Om',
  'Laxmi',
  'Ganesh',
  'Balaji',
  'Krishna',
  'Mahalaxmi',
  'Jai Hind',
  'Royal',
  'Janata',
];

export const brands = [
  { brand: 'Sunrise', categories: ['Biscuits', 'Snacks', 'Beverages'] },
  { brand: 'Amrut', categories: ['Dairy', 'Beverages', 'Snacks'] },
  { brand: 'Kesar', categories: ['Spices', 'Staples', 'Snacks'] },
  { brand: 'CleanHome', categories: ['Detergents', 'Home Care', 'Personal Care'] },
  { brand: 'Aarogya', categories: ['OTC Pharma', 'Personal Care', 'Oral Care'] },
  { brand: 'Nimbus', categories: ['Personal Care', 'Oral Care', 'Home Care'] },
  { brand: 'Desi Rasoi', categories: ['Spices', 'Staples', 'Dairy'] },
  { brand: 'Parvati', categories: ['Biscuits', 'Staples', 'Spices'] },
  { brand: 'Ujala Home', categories: ['Detergents', 'Home Care'] },
  { brand: 'Vaidya', categories: ['OTC Pharma', 'Oral Care'] },
  { brand: 'Fresh Farms', categories: ['Dairy', 'Beverages', 'Snacks'] },
  { brand: 'Tara', categories: ['Biscuits', 'Snacks'] },
];

/** Each item with the pack sizes it is really sold in. */
export const itemsByCategory: Record<
  string,
  { items: [string, string[]][]; hsn: string; rate: number; mrpRange: [number, number] }
> = {
  Biscuits: {
    items: [
      ['Glucose Biscuit', ['75 g', '150 g', '300 g']],
      ['Cream Biscuit', ['60 g', '120 g']],
      ['Marie', ['150 g', '250 g']],
      ['Digestive', ['200 g', '400 g']],
      ['Butter Cookies', ['100 g', '300 g']],
    ],
    hsn: '19053100',
    rate: 1800,
    mrpRange: [10, 120],
  },
  Snacks: {
    items: [
      ['Potato Chips', ['30 g', '90 g']],
      ['Namkeen Mix', ['200 g', '400 g']],
      ['Aloo Bhujia', ['150 g', '400 g', '1 kg']],
      ['Peanut Chikki', ['100 g']],
      ['Corn Puffs', ['40 g', '80 g']],
    ],
    hsn: '21069099',
    rate: 1200,
    mrpRange: [10, 150],
  },
  Dairy: {
    items: [
      ['Cow Ghee', ['200 ml', '500 ml', '1 L']],
      ['Table Butter', ['100 g', '500 g']],
      ['Dairy Whitener', ['200 g', '500 g', '1 kg']],
      ['Malai Paneer', ['200 g']],
      ['Cheese Slices', ['200 g']],
    ],
    hsn: '04059020',
    rate: 1200,
    mrpRange: [45, 650],
  },
  Beverages: {
    items: [
      ['Mango Drink', ['200 ml', '600 ml', '1.2 L']],
      ['Premium Tea', ['250 g', '500 g', '1 kg']],
      ['Instant Coffee', ['50 g', '100 g', '200 g']],
      ['Lemon Squash', ['750 ml']],
    ],
    hsn: '21011120',
    rate: 1800,
    mrpRange: [20, 480],
  },
  Spices: {
    items: [
      ['Turmeric Powder', ['100 g', '200 g', '500 g']],
      ['Chilli Powder', ['100 g', '200 g', '500 g']],
      ['Garam Masala', ['50 g', '100 g']],
      ['Coriander Powder', ['100 g', '200 g']],
      ['Kitchen King Masala', ['50 g', '100 g']],
    ],
    hsn: '09103030',
    rate: 500,
    mrpRange: [15, 260],
  },
  Staples: {
    items: [
      ['Basmati Rice', ['1 kg', '5 kg']],
      ['Toor Dal', ['500 g', '1 kg']],
      ['Chakki Atta', ['5 kg', '10 kg']],
      ['Sugar', ['1 kg', '5 kg']],
      ['Iodised Salt', ['1 kg']],
    ],
    hsn: '10063020',
    rate: 500,
    mrpRange: [28, 900],
  },
  Detergents: {
    items: [
      ['Detergent Powder', ['500 g', '1 kg', '4 kg']],
      ['Detergent Bar', ['150 g', '250 g']],
      ['Liquid Detergent', ['1 L', '2 L']],
      ['Dishwash Bar', ['155 g', '300 g']],
    ],
    hsn: '34022090',
    rate: 1800,
    mrpRange: [10, 420],
  },
  'Home Care': {
    items: [
      ['Floor Cleaner', ['500 ml', '1 L', '2 L']],
      ['Toilet Cleaner', ['500 ml', '1 L']],
      ['Glass Cleaner', ['500 ml']],
      ['Mosquito Coil', ['10 pcs']],
    ],
    hsn: '34029099',
    rate: 1800,
    mrpRange: [35, 240],
  },
  'OTC Pharma': {
    items: [
      ['Pain Relief Balm', ['8 g', '25 g']],
      ['Cough Syrup', ['100 ml', '200 ml']],
      ['Antacid Tablets', ['10 tabs', '30 tabs']],
      ['ORS Sachet', ['21 g']],
      ['Antiseptic Liquid', ['125 ml', '500 ml']],
    ],
    hsn: '30049099',
    rate: 1200,
    mrpRange: [20, 220],
  },
  'Personal Care': {
    items: [
      ['Neem Soap', ['75 g', '125 g']],
      ['Herbal Shampoo', ['180 ml', '340 ml']],
      ['Coconut Hair Oil', ['100 ml', '300 ml', '600 ml']],
      ['Talcum Powder', ['100 g', '300 g']],
      ['Face Wash', ['50 ml', '100 ml']],
    ],
    hsn: '33051090',
    rate: 1800,
    mrpRange: [25, 320],
  },
  'Oral Care': {
    items: [
      ['Toothpaste', ['100 g', '150 g', '200 g']],
      ['Toothbrush Soft', ['1 pc', '4 pcs']],
      ['Mouthwash', ['250 ml', '500 ml']],
      ['Tooth Powder', ['100 g']],
    ],
    hsn: '33061020',
    rate: 1800,
    mrpRange: [20, 180],
  },
};
