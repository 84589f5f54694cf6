import { TransporterSelect } from '../../components/TransporterSelect';

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
  const set = (patch: Partial<Transport>) => onChange({ ...value, ...patch });
  return (
    <div className="grid trip">
      <TransporterSelect
        id="trip-transporterId"
        label="Transporter (e-way bill)"
        noneLabel="Own vehicle / none"
        value={value.transporterId}
        onChange={(transporterId) => set({ transporterId })}
      />
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
