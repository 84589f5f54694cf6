import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

type Calendar = OutputOf<'calendar.get'>;
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Holiday name" lines, one a line: "2026-11-08 Diwali". */
const holidayText = (c: Calendar) => c.holidays.map((h) => `${h.day} ${h.name}`.trim()).join('\n');
function parseHolidays(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [day = '', ...name] = line.split(/\s+/);
      return { day, name: name.join(' ') };
    });
}

/** When the office works: approval escalations count only these hours, in the company's time zone. */
export function BusinessCalendarSettings() {
  const canWrite = useSession((s) => s.can('company.write'));
  const [calendar, setCalendar] = useState<Calendar | null>(null);
  const [holidays, setHolidays] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void call('calendar.get', {}).then((c) => {
      setCalendar(c);
      setHolidays(holidayText(c));
    });
  }, []);
  if (!calendar) return null;
  const toggle = (day: number) =>
    setCalendar({
      ...calendar,
      workingDays: calendar.workingDays.includes(day)
        ? calendar.workingDays.filter((d) => d !== day)
        : [...calendar.workingDays, day],
    });
  const save = async () => {
    try {
      const { workingDays, opensAt, closesAt } = calendar;
      const saved = await call('calendar.update', {
        workingDays,
        opensAt,
        closesAt,
        holidays: parseHolidays(holidays),
      });
      setCalendar(saved);
      setHolidays(holidayText(saved));
      toast.ok('Business hours saved');
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card" aria-label="Business hours">
      <h2>Business hours</h2>
      <p className="muted">
        Approval reminders and escalations count only these hours ({calendar.timeZone}). A request left on Friday
        evening is not overdue on Monday morning.
      </p>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <fieldset disabled={!canWrite}>
        <div className="field">
          <span>Working days</span>
          <div className="checks">
            {weekdays.map((label, i) => (
              <label key={label} className="check">
                <input type="checkbox" checked={calendar.workingDays.includes(i + 1)} onChange={() => toggle(i + 1)} />{' '}
                {label}
              </label>
            ))}
          </div>
        </div>
        <div className="grid">
          <div className="field">
            <label htmlFor="opens-at">Opens at</label>
            <input
              id="opens-at"
              type="time"
              value={calendar.opensAt}
              onChange={(e) => setCalendar({ ...calendar, opensAt: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="closes-at">Closes at</label>
            <input
              id="closes-at"
              type="time"
              value={calendar.closesAt}
              onChange={(e) => setCalendar({ ...calendar, closesAt: e.target.value })}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="holidays">Holidays (one a line: 2026-11-08 Diwali)</label>
          <textarea id="holidays" rows={5} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </div>
        {canWrite && (
          <button className="primary" onClick={() => void save()}>
            Save business hours
          </button>
        )}
      </fieldset>
    </section>
  );
}
