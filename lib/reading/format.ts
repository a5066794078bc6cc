const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Content dates for people: "2017-07-31" → "July 31, 2017"; "2017-07" → "July 2017"; "2006" → "2006". */
export function formatContentDate(date: string): string {
  const [year, month, day] = date.split("-");
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${monthName} ${Number(day)}, ${year}` : `${monthName} ${year}`;
}
