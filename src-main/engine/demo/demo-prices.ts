/**
 * What the demo's products plausibly cost: a price per kg, litre or piece for each item (Indian
 * shelf prices, 2026), times the pack size, with small packs dearer per kg. A 5 kg bag of sugar
 * comes out near ₹230, not ₹22.
 */
export const pricePerUnit: Record<string, [number, number]> = {
  'Glucose Biscuit': [120, 160],
  'Cream Biscuit': [180, 260],
  Marie: [130, 180],
  Digestive: [250, 350],
  'Butter Cookies': [300, 450],
  'Potato Chips': [300, 450],
  'Namkeen Mix': [250, 350],
  'Aloo Bhujia': [250, 350],
  'Peanut Chikki': [250, 350],
  'Corn Puffs': [250, 400],
  'Cow Ghee': [600, 720],
  'Table Butter': [500, 600],
  'Dairy Whitener': [400, 500],
  'Malai Paneer': [400, 480],
  'Cheese Slices': [600, 750],
  'Mango Drink': [60, 110],
  'Premium Tea': [450, 700],
  'Instant Coffee': [1600, 2600],
  'Lemon Squash': [150, 250],
  'Turmeric Powder': [250, 400],
  'Chilli Powder': [300, 450],
  'Garam Masala': [800, 1200],
  'Coriander Powder': [200, 320],
  'Kitchen King Masala': [800, 1100],
  'Basmati Rice': [110, 180],
  'Toor Dal': [150, 190],
  'Chakki Atta': [42, 58],
  Sugar: [44, 52],
  'Iodised Salt': [25, 32],
  'Detergent Powder': [90, 160],
  'Detergent Bar': [100, 150],
  'Liquid Detergent': [180, 280],
  'Dishwash Bar': [120, 180],
  'Floor Cleaner': [120, 220],
  'Toilet Cleaner': [160, 240],
  'Glass Cleaner': [180, 260],
  'Mosquito Coil': [3, 5],
  'Pain Relief Balm': [3000, 5000],
  'Cough Syrup': [900, 1300],
  'Antacid Tablets': [2, 4],
  'ORS Sachet': [900, 1200],
  'Antiseptic Liquid': [500, 800],
  'Neem Soap': [350, 550],
  'Herbal Shampoo': [500, 900],
  'Coconut Hair Oil': [300, 550],
  'Talcum Powder': [400, 700],
  'Face Wash': [1500, 2500],
  Toothpaste: [500, 850],
  'Toothbrush Soft': [20, 40],
  Mouthwash: [500, 800],
  'Tooth Powder': [300, 500],
};

/** "500 g" → 0.5 (kg), "1.2 L" → 1.2, "200 ml" → 0.2, "10 tabs" / "4 pcs" → 10 / 4 (pieces). */
export function packAmount(packSize: string): number {
  const m = /^([\d.]+)\s*(\w+)$/.exec(packSize.trim());
  if (!m) return 1;
  const n = Number(m[1]);
  return m[2] === 'g' || m[2] === 'ml' ? n / 1000 : n;
}

/**
 * MRP in paise for one pack: `fraction` (0–1, from the demo's seeded generator) picks within the
 * item's range; packs under 200 g/ml cost up to a fifth more per kg, and prices end in a whole
 * rupee (₹5 steps above ₹100) as printed MRPs do.
 */
export function demoMrp(item: string, packSize: string, fraction: number): number {
  const [low, high] = pricePerUnit[item] ?? [100, 200];
  const amount = packAmount(packSize);
  const perUnit = low + (high - low) * fraction;
  const premium = amount < 0.2 && !/pc|tab/.test(packSize) ? 1.2 : 1;
  const rupees = perUnit * amount * premium;
  const rounded = rupees >= 100 ? Math.round(rupees / 5) * 5 : Math.max(5, Math.round(rupees));
  return rounded * 100;
}
