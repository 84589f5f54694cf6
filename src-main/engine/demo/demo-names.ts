/** Word lists for a believable Indian FMCG / pharma distributor. */
export interface DemoPlace {
  stateCode: string;
  state: string;
  /** city, district, pincode */
  cities: [string, string, string][];
}

export const places: DemoPlace[] = [
  { stateCode: '27', state: 'Maharashtra', cities: [['Pune', 'Pune', '411001'], ['Mumbai', 'Mumbai', '400001'], ['Nashik', 'Nashik', '422001'], ['Nagpur', 'Nagpur', '440001']] },
  { stateCode: '29', state: 'Karnataka', cities: [['Bengaluru', 'Bengaluru Urban', '560001'], ['Mysuru', 'Mysuru', '570001'], ['Hubballi', 'Dharwad', '580020']] },
  { stateCode: '24', state: 'Gujarat', cities: [['Ahmedabad', 'Ahmedabad', '380001'], ['Surat', 'Surat', '395003'], ['Vadodara', 'Vadodara', '390001']] },
  { stateCode: '33', state: 'Tamil Nadu', cities: [['Chennai', 'Chennai', '600001'], ['Coimbatore', 'Coimbatore', '641001']] },
  { stateCode: '07', state: 'Delhi', cities: [['New Delhi', 'New Delhi', '110001']] },
];

export const areas = ['Market Yard', 'Station Road', 'MG Road', 'Gandhi Nagar', 'Shivaji Chowk', 'Laxmi Road', 'Old Town', 'Industrial Estate', 'Camp', 'Civil Lines'];
export const surnames = ['Sharma', 'Patil', 'Shah', 'Iyer', 'Reddy', 'Gupta', 'Agarwal', 'Kulkarni', 'Nair', 'Desai', 'Mehta', 'Joshi', 'Rao', 'Jain', 'Bhat', 'Pillai'];
export const shopWords = ['Traders', 'General Stores', 'Medicals', 'Kirana', 'Enterprises', 'Super Mart', 'Agencies', 'Provision Stores', 'Distributors', 'Pharma'];
export const firstNames = ['Shree', 'Sai', 'New', 'Om', 'Laxmi', 'Ganesh', 'Balaji', 'Krishna', 'Mahalaxmi', 'Jai Hind', 'Royal', 'Janata'];

export const brands = [
  { brand: 'Sunrise', categories: ['Biscuits', 'Snacks'] },
  { brand: 'Amrut', categories: ['Dairy', 'Beverages'] },
  { brand: 'Kesar', categories: ['Spices', 'Staples'] },
  { brand: 'CleanHome', categories: ['Detergents', 'Home Care'] },
  { brand: 'Aarogya', categories: ['OTC Pharma', 'Personal Care'] },
  { brand: 'Nimbus', categories: ['Personal Care', 'Oral Care'] },
];

export const itemsByCategory: Record<string, { names: string[]; sizes: string[]; hsn: string; rate: number; mrpRange: [number, number] }> = {
  Biscuits: { names: ['Glucose Biscuit', 'Cream Biscuit', 'Marie', 'Digestive', 'Butter Cookies', 'Salted Crackers'], sizes: ['75 g', '150 g', '300 g', '600 g'], hsn: '19053100', rate: 1800, mrpRange: [10, 120] },
  Snacks: { names: ['Potato Chips', 'Namkeen Mix', 'Bhujia', 'Peanut Chikki', 'Corn Puffs'], sizes: ['30 g', '90 g', '200 g', '400 g'], hsn: '21069099', rate: 1200, mrpRange: [10, 150] },
  Dairy: { names: ['Ghee', 'Butter', 'Milk Powder', 'Paneer', 'Cheese Slices'], sizes: ['100 g', '200 g', '500 g', '1 kg'], hsn: '04059020', rate: 1200, mrpRange: [45, 650] },
  Beverages: { names: ['Mango Drink', 'Tea Premium', 'Instant Coffee', 'Lemon Squash'], sizes: ['200 ml', '500 g', '1 L', '250 g'], hsn: '21011120', rate: 1800, mrpRange: [20, 480] },
  Spices: { names: ['Turmeric Powder', 'Chilli Powder', 'Garam Masala', 'Coriander Powder', 'Kitchen King'], sizes: ['50 g', '100 g', '200 g', '500 g'], hsn: '09103030', rate: 500, mrpRange: [15, 260] },
  Staples: { names: ['Basmati Rice', 'Toor Dal', 'Chakki Atta', 'Sugar', 'Iodised Salt'], sizes: ['1 kg', '5 kg', '10 kg'], hsn: '10063020', rate: 500, mrpRange: [28, 900] },
  Detergents: { names: ['Detergent Powder', 'Detergent Bar', 'Liquid Detergent', 'Dishwash Bar'], sizes: ['500 g', '1 kg', '2 kg', '150 g'], hsn: '34022090', rate: 1800, mrpRange: [10, 420] },
  'Home Care': { names: ['Floor Cleaner', 'Toilet Cleaner', 'Glass Cleaner', 'Mosquito Coil'], sizes: ['500 ml', '1 L', '10 pcs'], hsn: '34029099', rate: 1800, mrpRange: [35, 240] },
  'OTC Pharma': { names: ['Pain Relief Balm', 'Cough Syrup', 'Antacid Tablets', 'ORS Sachet', 'Antiseptic Liquid'], sizes: ['10 g', '100 ml', '10 tabs', '21 g', '500 ml'], hsn: '30049099', rate: 1200, mrpRange: [20, 220] },
  'Personal Care': { names: ['Neem Soap', 'Herbal Shampoo', 'Coconut Hair Oil', 'Talcum Powder', 'Face Wash'], sizes: ['75 g', '180 ml', '300 ml', '100 g'], hsn: '33051090', rate: 1800, mrpRange: [25, 320] },
  'Oral Care': { names: ['Toothpaste', 'Toothbrush Soft', 'Mouthwash', 'Tooth Powder'], sizes: ['100 g', '1 pc', '250 ml', '150 g'], hsn: '33061020', rate: 1800, mrpRange: [20, 180] },
};
