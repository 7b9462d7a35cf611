/**
 * Time stamps as the analyst reads them: local time with its offset from UTC, so an export made
 * at 16:00 in Chongqing says 16:00 (UTC+08:00), not 08:00Z. Pure: the offset is given (the caller
 * reads it from the machine it runs on), so the text does not depend on where it is built.
 */

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** "+08:00" / "-04:30" for an offset east of UTC in minutes (480 / −270). */
function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * The instant as an ISO 8601 local date-time with its offset, e.g. "2026-03-01T16:00:00+08:00".
 * `offsetMinutes` is east of UTC (Chongqing 480); by default this machine's offset at that instant.
 */
export function localTimestamp(instant: Date, offsetMinutes: number = -instant.getTimezoneOffset()): string {
  // The local wall clock is the UTC clock moved by the offset; read back with the UTC getters.
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}${offsetText(offsetMinutes)}`;
}

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO time stamp for people, in the clock it was written in: "2026-03-01 16:00:00 (UTC+08:00)",
 * "2026-03-01 08:00:00 (UTC)" for a Z time. Text that is not such a time stamp is returned as it is.
 */
export function timestampForDisplay(iso: string): string {
  const match = ISO_TIMESTAMP.exec(iso);
  if (!match) return iso;
  const [, date, time, zone] = match;
  return `${date} ${time} (UTC${zone === 'Z' || zone === '+00:00' ? '' : zone})`;
}
