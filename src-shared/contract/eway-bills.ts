import { z } from 'zod';
import { operation } from './define';
import { id, isoDate, requiredText, text } from './common';

export const vehicleType = z.enum(['R', 'O']).default('R');
export const distanceKm = z
  .int('Distance is whole km')
  .min(0, 'Distance is 0 to 4000 km')
  .max(4000, 'Distance is 0 to 4000 km');

const transporter = z.object({ id, name: z.string(), transporterId: z.string(), active: z.boolean() });
const ewayBillNumber = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'An e-way bill number has 12 digits');

export const ewayBillOperations = {
  'transporters.list': operation({
    summary: 'The transport agencies a dispatch can name, with their GSTIN or TRANSIN; active first.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(transporter),
  }),
  'transporters.save': operation({
    summary:
      'Adds (id null) or corrects a transporter. transporterId is the 15-character GSTIN or TRANSIN, checked by its ' +
      'state code and check character; one already held by another transporter is refused (409).',
    access: 'dispatch.write',
    kind: 'write',
    input: z.object({
      id: id.nullable().default(null),
      name: requiredText('Transporter name', 100),
      transporterId: z.string().trim().toUpperCase(),
      active: z.boolean().default(true),
    }),
    output: transporter,
  }),
  'customers.distance': operation({
    summary: 'The road km to a customer’s ship-to that its e-way bills carry; null when never set.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ customerId: id }),
    output: z.object({ customerId: id, km: z.int().nullable() }),
  }),
  'customers.setDistance': operation({
    summary: 'Sets the road km to a customer’s ship-to (0 to 4000; 0 lets the portal work it out).',
    access: 'dispatch.write',
    kind: 'write',
    input: z.object({ customerId: id, km: distanceKm }),
    output: z.object({ customerId: id, km: z.int() }),
  }),
  'ewayBills.export': operation({
    summary:
      'The e-way bill portal’s bulk-upload JSON (version 1.0.0621) for a dispatch’s consignments (dispatchId) or for ' +
      'chosen invoices (invoiceIds, or the invoices of deliveryNoteIds, with transport). Only posted invoices above the company threshold without an ' +
      'e-way bill go in; skipped lists the rest with the reason. Each bill is checked against the project’s schema ' +
      'and the portal’s arithmetic; a problem refuses the file naming the invoice and field (400).',
    access: 'dispatch.write',
    kind: 'read',
    runs: 'worker',
    input: z.object({
      dispatchId: id.nullable().default(null),
      invoiceIds: z.array(id).max(500).default([]),
      deliveryNoteIds: z.array(id).max(500).default([]),
      transport: z
        .object({
          transporterId: id.nullable().default(null),
          vehicleNo: text(15),
          vehicleType,
          lrNumber: text(15),
          lrDate: isoDate.nullable().default(null),
          distanceKm: distanceKm.nullable().default(null),
        })
        .prefault({}),
    }),
    output: z.object({
      file: z
        .object({ version: z.literal('1.0.0621'), billLists: z.array(z.record(z.string(), z.unknown())) })
        .nullable(),
      included: z.array(
        z.object({ invoiceNumber: z.string(), value: z.int(), transType: z.int(), distanceKm: z.int() }),
      ),
      skipped: z.array(z.object({ invoiceNumber: z.string(), reason: z.string() })),
    }),
  }),
  'ewayBills.import': operation({
    summary:
      'Records the portal’s answer: per invoice number the 12-digit e-way bill, when it was generated and valid-upto ' +
      '("dd/mm/yyyy hh:mm[:ss] [AM|PM]" or "yyyy-mm-dd hh:mm", company time; an empty valid-upto is worked out by ' +
      'the validity rule). A row that matches no posted invoice, or disagrees with an e-way bill already held, ' +
      'refuses the whole import naming the row; nothing is written.',
    access: 'dispatch.write',
    kind: 'write',
    input: z.object({
      entries: z
        .array(
          z.object({
            invoiceNumber: z.string().trim().min(1, 'Invoice number is required'),
            ewayBill: ewayBillNumber,
            generatedAt: z.string().trim().min(1, 'When was it generated?'),
            validUpto: text(30),
          }),
        )
        .min(1, 'Paste at least one e-way bill')
        .max(500),
    }),
    output: z.object({
      recorded: z.array(
        z.object({
          invoiceNumber: z.string(),
          ewayBill: z.string(),
          validUpto: z.string(),
          status: z.enum(['recorded', 'unchanged']),
        }),
      ),
    }),
  }),
};
