import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';

export interface Transport {
  transporterId: number | null;
  vehicleType: 'R' | 'O';
  lrDate: string;
  /** '' = each customer's own km */
  distanceKm: string;
}
export const emptyTransport: Transport = { transporterId: null, vehicleType: 'R', lrDate: '', distanceKm: '' };

/** What the e-way bill file needs of the trip beyond vehicle and LR number, as dispatches.create takes it. */
export function transportInput(t: Transport) {
  return {
    transporterId: t.transporterId,
    vehicleType: t.vehicleType,
    lrDate: t.lrDate || null,
    distanceKm: t.distanceKm === '' ? null : Number(t.distanceKm),
  };
}

/** Transporter (from the master), vehicle type, LR date and a distance for the whole trip; plain fields, Tab order. */
export function TransportFields({ value, onChange }: { value: Transport; onChange(next: Transport): void }) {
  const [transporters, setTransporters] = useState<OutputOf<'transporters.list'>>([]);
  useEffect(() => {
    void call('transporters.list', {})
      .then((list) => setTransporters(list.filter((t) => t.active)))
      .catch(() => setTransporters([]));
  }, []);
  const set = (patch: Partial<Transport>) => onChange({ ...value, ...patch });
  return (
    <div className="grid trip">
      <div className="field">
        <label htmlFor="trip-transporterId">Transporter (e-way bill)</label>
        <select
          id="trip-transporterId"
          data-field="transporterId"
          value={value.transporterId ?? ''}
          onChange={(e) => set({ transporterId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Own vehicle / none</option>
          {transporters.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} · {t.transporterId}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="trip-vehicleType">Vehicle type</label>
        <select
          id="trip-vehicleType"
          data-field="vehicleType"
          value={value.vehicleType}
          onChange={(e) => set({ vehicleType: e.target.value === 'O' ? 'O' : 'R' })}
        >
          <option value="R">Regular</option>
          <option value="O">Over-dimensional cargo</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="trip-lrDate">LR date</label>
        <input
          id="trip-lrDate"
          data-field="lrDate"
          type="date"
          value={value.lrDate}
          onChange={(e) => set({ lrDate: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="trip-distanceKm">Distance km</label>
        <input
          id="trip-distanceKm"
          data-field="distanceKm"
          inputMode="numeric"
          maxLength={4}
          placeholder="each customer's"
          value={value.distanceKm}
          onChange={(e) => set({ distanceKm: e.target.value.replace(/\D/g, '') })}
        />
      </div>
    </div>
  );
}
