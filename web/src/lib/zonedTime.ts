import type { Locale } from '../api/types';

/** The browser's own IANA time zone, e.g. "Europe/Berlin". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function language(locale: Locale): string {
  return locale === 'de' ? 'de-DE' : 'en-GB';
}

/** A moment shown as wall-clock time of `timeZone`: "Do., 3. Dez., 14:30" / "Thu 3 Dec, 14:30"; "" for null. */
export function formatInZone(locale: Locale, moment: Date | string | null, timeZone: string, withDay = true): string {
  if (moment === null) return '';
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  const options: Intl.DateTimeFormatOptions = withDay
    ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }
    : { hour: '2-digit', minute: '2-digit', timeZone };
  try {
    return new Intl.DateTimeFormat(language(locale), options).format(date);
  } catch {
    // an unknown zone name: the browser's own zone is better than nothing
    return new Intl.DateTimeFormat(language(locale), { ...options, timeZone: undefined }).format(date);
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallTimeOf(date: Date, timeZone: string): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of a datetime-local input ("YYYY-MM-DDTHH:MM") for a moment as wall-clock time of `timeZone`. */
export function toZonedInput(date: Date, timeZone: string): string {
  const w = wallTimeOf(date, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The moment at which the wall clock of `timeZone` shows `value` ("YYYY-MM-DDTHH:MM"), or null when the text is
 * not such a value. The zone's offset is read from Intl at a first guess and once more at the result, so a
 * change to or from summer time between the two is taken into account; a wall time that does not exist (the
 * hour skipped in spring) lands after the gap.
 */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (moment: number) => {
    const w = wallTimeOf(new Date(moment), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - moment;
  };
  let moment = asUtc - offsetAt(asUtc);
  const corrected = asUtc - offsetAt(moment);
  if (corrected !== moment) moment = Math.max(moment, corrected);
  return new Date(moment);
}

/** `minutes` after `now`, down to the whole minute (what a datetime-local input can hold). */
export function minutesAfter(now: Date, minutes: number): Date {
  return new Date(Math.floor((now.getTime() + minutes * 60_000) / 60_000) * 60_000);
}
