/**
 * Spreadsheet date serials (days since 1899-12-30, the 1900 system) and JavaScript dates, read
 * as UTC: spreadsheet dates carry no time zone. Serial 60 (the 1900-02-29 that never was) is not
 * special-cased; no date of this domain reaches it.
 */
const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and the 1904 date systems. */
const DATE_1904_OFFSET = 1_462;

/** The date of a serial (rounded to the millisecond); `date1904` for workbooks in the 1904 system. */
export function serialToDate(serial: number, date1904 = false): Date {
  const days = serial + (date1904 ? DATE_1904_OFFSET : 0) - UNIX_EPOCH_SERIAL;
  return new Date(Math.round(days * MS_PER_DAY));
}

/** The serial of a date in the 1900 system. */
export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}
